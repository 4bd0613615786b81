package org.topograd.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The one CSV dialect topograd writes: RFC 4180 quoting, a header, and LF line ends. */
public final class Csv {
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private Csv() {}

    public static byte[] render(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV file topograd wrote: its header's names, and its records. */
    record Table(Path file, List<String> header, List<CSVRecord> records) {
        /** This table, or an error naming the first of {@code columns} it lacks and what the file should be. */
        Table require(List<String> columns, String what) throws IOException {
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new IOException(file + " has no column '" + column + "': is it " + what + "?");
                }
            }
            return this;
        }
    }

    /** Every record of a CSV file topograd wrote, by its header's names. */
    static Table read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in)
                        .setFormat(FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<CSVRecord> records = parser.getRecords();
            return new Table(file, List.copyOf(parser.getHeaderNames()), records);
        }
    }
}
