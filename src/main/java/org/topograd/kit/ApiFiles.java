package org.topograd.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.topograd.Folders;
import org.topograd.Version;
import org.topograd.report.ReproducibleZip;

/**
 * The student API as a student's IDE wants it, for the kit's {@code api/} folder: the classes as a
 * jar for the class path, their sources as a jar (IDEs show the Javadoc from it), and the Javadoc
 * as HTML, made with the JDK's own javadoc tool from the sources that topograd's jar carries. Both
 * packages ship, the scalar {@code org.topograd.api} and the tensor {@code org.topograd.api.tensor},
 * whichever assignment the kit is for: the tensor API is a few small classes, and one kit layout is
 * simpler for courses that teach both assignments.
 */
final class ApiFiles {
    static final String FOLDER = "api";
    static final String JAR = "topograd-api.jar";
    static final String SOURCES = "topograd-api-sources.jar";
    static final String DOCS = "docs";

    private static final KitJar.Part CLASSES = new KitJar.Part("org/topograd/api/", "org/topograd/api/Node.class");
    private static final String SOURCE_ROOT = "org/topograd/kit/api-sources/";
    private static final KitJar.Part SOURCE_FILES = new KitJar.Part(SOURCE_ROOT + "org/topograd/api/",
            SOURCE_ROOT + "org/topograd/api/Node.java");

    private ApiFiles() {}

    /**
     * What {@link #build} made, by class loader: the API is topograd's own, the same for every kit
     * made from one loader, and javadoc costs seconds (a benchmark or a test makes several kits).
     */
    private static final Map<ClassLoader, SortedMap<String, byte[]>> BUILT = new WeakHashMap<>();

    /** Every file of the {@code api/} folder, by its path in the kit, in name order. */
    static SortedMap<String, byte[]> build(ClassLoader loader) throws IOException {
        synchronized (BUILT) {
            SortedMap<String, byte[]> built = BUILT.get(loader);
            if (built == null) {
                built = Collections.unmodifiableSortedMap(buildAfresh(loader));
                BUILT.put(loader, built);
            }
            return built; // the arrays are only ever written to files
        }
    }

    private static SortedMap<String, byte[]> buildAfresh(ClassLoader loader) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        ReproducibleZip classes = new ReproducibleZip();
        classes.add("META-INF/MANIFEST.MF", manifest("topograd student API"));
        for (String name : KitJar.listUnder(loader, CLASSES)) {
            if (name.endsWith(".class")) {
                classes.add(name, read(loader, name));
            }
        }
        files.put(FOLDER + "/" + JAR, classes.finish());

        List<String> sources = KitJar.listUnder(loader, SOURCE_FILES);
        ReproducibleZip sourceJar = new ReproducibleZip();
        sourceJar.add("META-INF/MANIFEST.MF", manifest("topograd student API sources"));
        for (String name : sources) {
            sourceJar.add(name.substring(SOURCE_ROOT.length()), read(loader, name));
        }
        files.put(FOLDER + "/" + SOURCES, sourceJar.finish());

        Path work = Files.createTempDirectory("topograd-api-docs-");
        try {
            Path src = work.resolve("src");
            for (String name : sources) {
                Path file = src.resolve(name.substring(SOURCE_ROOT.length()));
                Files.createDirectories(file.getParent());
                Files.write(file, read(loader, name));
            }
            Path docs = work.resolve("docs");
            javadoc(src, docs);
            List<Path> made;
            try (Stream<Path> walk = Files.walk(docs)) {
                made = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : made) {
                files.put(FOLDER + "/" + DOCS + "/" + docs.relativize(file).toString().replace('\\', '/'),
                        Files.readAllBytes(file));
            }
        } finally {
            Folders.deleteTree(work);
        }
        return files;
    }

    /** The JDK's javadoc over the API's sources, without a time stamp, so the same sources give the same pages. */
    private static void javadoc(Path sources, Path out) throws IOException {
        DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
        if (tool == null) {
            throw new IOException("making a student kit needs the JDK's javadoc tool, and this Java has none:"
                    + " run topograd with a JDK 17 (not a JRE)");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = tool.run(null, log, log, "-d", out.toString(), "-sourcepath", sources.toString(), "-notimestamp",
                "-quiet", "-Xdoclint:none", "-encoding", "UTF-8", "-docencoding", "UTF-8", "-charset", "UTF-8",
                "-windowtitle", "topograd student API", "-doctitle", "topograd student API " + Version.get(),
                "-nohelp", "-nodeprecatedlist", "org.topograd.api", "org.topograd.api.tensor");
        if (status != 0 || !Files.isRegularFile(out.resolve("index.html"))) {
            throw new IOException("javadoc could not document the student API (status " + status + "): "
                    + log.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static byte[] manifest(String title) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, Version.get());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }

    private static byte[] read(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from topograd's jar");
            }
            return in.readAllBytes();
        }
    }

    /** The UTF-8 bytes of a text. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
