package org.topograd.submission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.topograd.worker.Frames;

/**
 * A long-lived JVM that compiles submissions with {@code javax.tools}, one request at a time.
 *
 * <p>Why a process of its own: javac stays warm across a whole class (tens of milliseconds a
 * submission instead of half a second for a cold {@code javac}), and a pathological source that
 * makes javac loop or exhaust memory takes down only this process, which the parent kills and
 * replaces. Annotation processing is off ({@code -proc:none}), so compiling runs no student code.
 */
public final class CompileServer {
    static final int REQUEST = 1;
    static final int RESPONSE = 2;

    private CompileServer() {}

    /** The options every submission is compiled with; only the student API is on the class path. */
    static List<String> options(Path classPath, Path out) {
        return List.of("--release", "17", "-proc:none", "-implicit:class", "-encoding", "UTF-8", "-nowarn",
                "-Xmaxerrs", "50", "-g", "-classpath", classPath.toString(), "-sourcepath", "",
                "-d", out.toString());
    }

    public static void main(String[] args) throws IOException {
        InputStream in = new BufferedInputStream(System.in);
        OutputStream out = new BufferedOutputStream(System.out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        while (true) {
            Frames.Frame frame = Frames.read(in);
            if (frame == null) {
                return;
            }
            Request request = Request.decode(frame.payload());
            Frames.write(out, RESPONSE, compile(javac, files, request).encode());
        }
    }

    /** One compile, as the server does it; also how {@link Compiler} compiles in-process. */
    static Response compile(JavaCompiler javac, StandardJavaFileManager files, Request request) {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StringWriter other = new StringWriter();
        CappedOutput capped = new CappedOutput(files, request.maxClassFiles(), request.maxClassBytes());
        boolean ok;
        try {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(request.sources());
            ok = javac.getTask(other, capped, collector, options(request.classPath(), request.out()), null, units)
                    .call();
        } catch (RuntimeException | StackOverflowError e) {
            return new Response(false, List.of(new Diagnostic("error", "", 0, 0, "the compiler failed: " + e)));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (capped.exceeded != null) {
            // The first thing to read: every other message is javac failing to write past the cap.
            diagnostics.add(new Diagnostic("error", "", 0, 0, capped.exceeded));
            return new Response(false, diagnostics);
        }
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            String path = "";
            if (d.getSource() != null) {
                Path file = Path.of(d.getSource().toUri());
                path = file.startsWith(request.root()) ? request.root().relativize(file).toString() : file.toString();
            }
            String kind = d.getKind() == javax.tools.Diagnostic.Kind.ERROR ? "error" : "warning";
            diagnostics.add(new Diagnostic(kind, path, Math.max(0, d.getLineNumber()),
                    Math.max(0, d.getColumnNumber()), d.getMessage(Locale.ROOT)));
        }
        if (!other.toString().isBlank() && !ok) {
            diagnostics.add(new Diagnostic("error", "", 0, 0, other.toString().strip()));
        }
        return new Response(ok, diagnostics);
    }

    /**
     * Counts the class files javac writes and their bytes, and makes every write past the caps fail:
     * a small source can make javac emit gigabytes, and this stops it at the first byte too many.
     */
    private static final class CappedOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final int maxFiles;
        private final long maxBytes;
        private int files;
        private long bytes;
        /** Null, or the message of the cap that was crossed. */
        String exceeded;

        CappedOutput(StandardJavaFileManager files, int maxFiles, long maxBytes) {
            super(files);
            this.maxFiles = maxFiles;
            this.maxBytes = maxBytes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (++files > maxFiles) {
                throw exceeded("the code compiles to more than the " + maxFiles + " class files allowed");
            }
            return new ForwardingJavaFileObject<>(super.getJavaFileForOutput(location, className, kind, sibling)) {
                @Override
                public OutputStream openOutputStream() throws IOException {
                    return new FilterOutputStream(super.openOutputStream()) {
                        @Override
                        public void write(int b) throws IOException {
                            count(1);
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            count(len);
                            out.write(b, off, len);
                        }
                    };
                }
            };
        }

        private void count(long n) throws IOException {
            bytes += n;
            if (bytes > maxBytes) {
                throw exceeded("the code compiles to more than the " + maxBytes / 1024 + " KB of class files allowed");
            }
        }

        private IOException exceeded(String message) {
            if (exceeded == null) {
                exceeded = message + "; simplify it (no real solution comes near this)";
            }
            return new IOException(exceeded);
        }
    }

    /**
     * Compile {@code sources} (under {@code root}) against {@code classPath} into {@code out}, writing
     * at most {@code maxClassFiles} class files of {@code maxClassBytes} in all.
     */
    record Request(Path root, List<Path> sources, Path classPath, Path out, int maxClassFiles, long maxClassBytes) {
        byte[] encode() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(buffer)) {
                data.writeUTF(root.toString());
                data.writeUTF(classPath.toString());
                data.writeUTF(out.toString());
                data.writeInt(maxClassFiles);
                data.writeLong(maxClassBytes);
                data.writeInt(sources.size());
                for (Path source : sources) {
                    data.writeUTF(source.toString());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }

        static Request decode(byte[] payload) throws IOException {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload));
            Path root = Path.of(data.readUTF());
            Path classPath = Path.of(data.readUTF());
            Path out = Path.of(data.readUTF());
            int maxClassFiles = data.readInt();
            long maxClassBytes = data.readLong();
            int n = data.readInt();
            List<Path> sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sources.add(Path.of(data.readUTF()));
            }
            return new Request(root, sources, classPath, out, maxClassFiles, maxClassBytes);
        }
    }

    record Response(boolean ok, List<Diagnostic> diagnostics) {
        byte[] encode() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(buffer)) {
                data.writeBoolean(ok);
                data.writeInt(diagnostics.size());
                for (Diagnostic d : diagnostics) {
                    data.writeUTF(d.kind());
                    data.writeUTF(d.path());
                    data.writeLong(d.line());
                    data.writeLong(d.column());
                    writeText(data, d.message());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }

        static Response decode(byte[] payload) throws IOException {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload));
            boolean ok = data.readBoolean();
            int n = data.readInt();
            List<Diagnostic> diagnostics = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                diagnostics.add(new Diagnostic(data.readUTF(), data.readUTF(), data.readLong(), data.readLong(),
                        readText(data)));
            }
            return new Response(ok, diagnostics);
        }

        /** Messages can quote long lines of source; writeUTF stops at 64 KB. */
        private static void writeText(DataOutputStream data, String text) throws IOException {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            data.writeInt(utf8.length);
            data.write(utf8);
        }

        private static String readText(DataInputStream data) throws IOException {
            byte[] utf8 = new byte[data.readInt()];
            data.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }
}
