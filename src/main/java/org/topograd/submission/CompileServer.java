package org.topograd.submission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import org.topograd.worker.Wire;

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
            Wire.Writer data = new Wire.Writer();
            data.writeText(root.toString());
            data.writeText(classPath.toString());
            data.writeText(out.toString());
            data.putInt(maxClassFiles);
            data.putLong(maxClassBytes);
            data.putInt(sources.size());
            for (Path source : sources) {
                data.writeText(source.toString());
            }
            return data.bytes();
        }

        static Request decode(byte[] payload) throws IOException {
            Wire.Reader data = new Wire.Reader(payload);
            Path root = Path.of(data.readText());
            Path classPath = Path.of(data.readText());
            Path out = Path.of(data.readText());
            int maxClassFiles = data.readInt();
            long maxClassBytes = data.readLong();
            int n = data.readCount(4, false);
            List<Path> sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sources.add(Path.of(data.readText()));
            }
            return data.whole(new Request(root, sources, classPath, out, maxClassFiles, maxClassBytes));
        }
    }

    record Response(boolean ok, List<Diagnostic> diagnostics) {
        byte[] encode() {
            Wire.Writer data = new Wire.Writer();
            data.putBoolean(ok);
            data.putInt(diagnostics.size());
            for (Diagnostic d : diagnostics) {
                data.writeText(d.kind());
                data.writeText(d.path());
                data.putLong(d.line());
                data.putLong(d.column());
                data.writeText(d.message()); // messages can quote long lines of source; writeUTF stops at 64 KB
            }
            return data.bytes();
        }

        static Response decode(byte[] payload) throws IOException {
            Wire.Reader data = new Wire.Reader(payload);
            boolean ok = data.readBoolean();
            int n = data.readCount(4, false);
            List<Diagnostic> diagnostics = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                diagnostics.add(new Diagnostic(data.readText(), data.readText(), data.readLong(), data.readLong(),
                        data.readText()));
            }
            return data.whole(new Response(ok, diagnostics));
        }
    }
}
