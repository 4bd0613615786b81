package org.topograd.kit;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Decides what goes into {@code topograd-student.jar}: the classes reachable from the kit's entry
 * point ({@link #MAIN}) by their class files' references, the student API and the worker (copied
 * whole: they run beside student code and are found by package, not by reference), and every
 * library one of them uses, whole.
 *
 * <p>Following references rather than listing packages means the kit holds exactly what its
 * {@code check} can load; and it makes the exclusion provable: if anything reachable refers to the
 * reference engine, the diagnosis, {@code ReferenceAnswers} or any other {@link #EXCLUDED} class,
 * no kit is built, and the error shows the chain of references that leads there.
 *
 * <p>Classes are read through the class loader, so this works the same from topograd's jar and
 * from a build's class folders (tests).
 */
public final class KitJar {
    /** The kit jar's main class. */
    public static final String MAIN = "org/topograd/cli/KitLauncher";

    /** What a student kit must never hold: prefixes of internal class names. */
    public static final List<String> EXCLUDED = List.of("org/topograd/engine/", "org/topograd/diagnosis/",
            "org/topograd/grading/ReferenceAnswers", "org/topograd/bench/");

    /** A package copied whole, and a class in it that says where it is (a jar or a class folder). */
    record Part(String prefix, String anchor) {}

    /** Packages copied whole: the worker runtime copies them by package into the worker's class path. */
    static final List<Part> WHOLE_PACKAGES = List.of(new Part("org/topograd/api/", "org/topograd/api/Node.class"),
            new Part("org/topograd/worker/", "org/topograd/worker/WorkerMain.class"));

    /** Resources the kit's classes read by name. */
    static final List<String> RESOURCES = List.of("org/topograd/topograd.properties");

    /**
     * A library a kit may carry: the package prefixes it (and what it depends on) fills, and its
     * licence, whose text goes into the kit's jar with it. One class of a library referred to
     * brings the whole library.
     *
     * @param title how the kit's README names it
     * @param licence the licence's name
     * @param licenceFile its text, a resource under {@code org/topograd/kit/licenses/}
     */
    record Library(String title, String licence, String licenceFile, List<Part> parts) {}

    private static final String APACHE = "Apache-2.0.txt";

    /** The libraries a kit may carry, by a short name. */
    static final Map<String, Library> LIBRARIES = Map.of(
            "picocli", new Library("picocli", "Apache License 2.0", APACHE,
                    List.of(new Part("picocli/", "picocli/CommandLine.class"))),
            "snakeyaml", new Library("SnakeYAML", "Apache License 2.0", APACHE,
                    List.of(new Part("org/yaml/snakeyaml/", "org/yaml/snakeyaml/Yaml.class"))),
            "gson", new Library("Gson", "Apache License 2.0", APACHE,
                    List.of(new Part("com/google/gson/", "com/google/gson/Gson.class"))),
            "asm", new Library("ASM", "BSD 3-Clause License", "ASM-BSD-3-Clause.txt",
                    List.of(new Part("org/objectweb/asm/", "org/objectweb/asm/ClassReader.class"))),
            "commons-csv", new Library("Apache Commons CSV (with Commons IO and Codec)", "Apache License 2.0", APACHE,
                    List.of(new Part("org/apache/commons/csv/", "org/apache/commons/csv/CSVFormat.class"),
                            new Part("org/apache/commons/io/", "org/apache/commons/io/IOUtils.class"),
                            new Part("org/apache/commons/codec/", "org/apache/commons/codec/Charsets.class"))));

    /** Where a library's licence text goes in the kit's jar. */
    static String licenceEntry(String library) {
        return "META-INF/licenses/" + library + "-" + LIBRARIES.get(library).licenceFile();
    }

    /**
     * What the kit's jar holds, but the manifest and the frozen answers.
     *
     * @param entries every entry, by name
     * @param libraries the libraries among them, by short name (see {@link #LIBRARIES})
     */
    public record Contents(SortedMap<String, byte[]> entries, SortedSet<String> libraries) {}

    private KitJar() {}

    /**
     * Every entry of the kit jar but the manifest and the frozen answers, and the libraries it holds.
     *
     * @throws IllegalStateException when a reachable class refers to an excluded one (a bug in
     *     topograd: the kit's code must not link the reference engine)
     */
    public static Contents contents(ClassLoader loader) throws IOException {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        Map<String, String> referredBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(MAIN);
        referredBy.put(MAIN, null);
        for (Part part : WHOLE_PACKAGES) {
            for (String name : listUnder(loader, part)) {
                if (name.endsWith(".class")) {
                    String cls = name.substring(0, name.length() - ".class".length());
                    if (referredBy.putIfAbsent(cls, null) == null) {
                        queue.add(cls);
                    }
                }
            }
        }
        TreeSet<String> libraries = new TreeSet<>();
        while (!queue.isEmpty()) {
            String cls = queue.poll();
            byte[] bytes = read(loader, cls + ".class");
            if (bytes == null) {
                throw new IOException("topograd's own class " + cls + " is missing from " + loader);
            }
            entries.put(cls + ".class", bytes);
            for (String ref : ClassReferences.of(bytes)) {
                if (isExcluded(ref)) {
                    throw new IllegalStateException("the student kit would need " + ref.replace('/', '.')
                            + ", which it must not hold; chain of references: " + chain(ref, cls, referredBy));
                }
                if (ref.startsWith("org/topograd/")) {
                    if (!referredBy.containsKey(ref) && loader.getResource(ref + ".class") != null) {
                        referredBy.put(ref, cls);
                        queue.add(ref);
                    }
                } else if (!isPlatform(ref) && loader.getResource(ref + ".class") != null) {
                    libraries.add(library(ref, cls));
                }
                // anything else is the JDK's, or text that merely looks like a class name
            }
        }
        for (String library : libraries) {
            for (Part part : LIBRARIES.get(library).parts()) {
                for (String name : listUnder(loader, part)) {
                    entries.put(name, read(loader, name));
                }
            }
            byte[] licence = read(loader, "org/topograd/kit/licenses/" + LIBRARIES.get(library).licenceFile());
            if (licence == null) {
                throw new IOException("the licence of " + library + " is missing from " + loader);
            }
            entries.put(licenceEntry(library), licence);
        }
        for (String resource : RESOURCES) {
            byte[] bytes = read(loader, resource);
            if (bytes != null) {
                entries.put(resource, bytes);
            }
        }
        return new Contents(entries, java.util.Collections.unmodifiableSortedSet(libraries));
    }

    public static boolean isExcluded(String internalName) {
        return EXCLUDED.stream().anyMatch(internalName::startsWith);
    }

    private static String chain(String excluded, String from, Map<String, String> referredBy) {
        StringBuilder chain = new StringBuilder(excluded.replace('/', '.'));
        for (String c = from; c != null; c = referredBy.get(c)) {
            chain.append(" <- ").append(c.replace('/', '.'));
        }
        return chain.toString();
    }

    private static String library(String ref, String from) {
        for (Map.Entry<String, Library> e : LIBRARIES.entrySet()) {
            if (e.getValue().parts().stream().anyMatch(part -> ref.startsWith(part.prefix()))) {
                return e.getKey();
            }
        }
        throw new IllegalStateException(from.replace('/', '.') + " uses " + ref.replace('/', '.')
                + ", from a library the student kit does not know: add it to KitJar.LIBRARIES");
    }

    /** The JDK's own: in the run-time image (javac's API is there too, though not on the platform loader). */
    private static boolean isPlatform(String ref) {
        if (ClassLoader.getPlatformClassLoader().getResource(ref + ".class") != null) {
            return true;
        }
        URL url = ClassLoader.getSystemClassLoader().getResource(ref + ".class");
        return url != null && url.getProtocol().equals("jrt");
    }

    private static byte[] read(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * The file entries under a package, from wherever the loader finds its anchor class: a jar
     * (topograd's, or a library's in a build) or a class folder.
     */
    static List<String> listUnder(ClassLoader loader, Part part) throws IOException {
        URL url = loader.getResource(part.anchor());
        if (url == null) {
            throw new IOException(part.anchor() + " is not on topograd's class path");
        }
        TreeSet<String> names = new TreeSet<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    JarEntry e = all.nextElement();
                    if (!e.isDirectory() && e.getName().startsWith(part.prefix())) {
                        names.add(e.getName());
                    }
                }
            }
        } else if (url.getProtocol().equals("file")) {
            Path anchor;
            try {
                anchor = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("cannot read " + url, e);
            }
            Path root = anchor;
            for (int i = 0; i < part.anchor().split("/").length; i++) {
                root = root.getParent();
            }
            Path dir = root.resolve(part.prefix());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    names.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        } else {
            throw new IOException("cannot list " + url + ": topograd must run from a jar or class folders");
        }
        return List.copyOf(names);
    }
}
