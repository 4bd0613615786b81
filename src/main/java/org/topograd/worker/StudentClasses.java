package org.topograd.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.topograd.api.Backprop;
import org.topograd.api.Node;
import org.topograd.api.Op;

/**
 * The student's compiled classes, in a class loader that sees the JDK and the student API and
 * nothing else of topograd's.
 */
final class StudentClasses {
    private final ClassLoader loader;
    private final List<String> names;
    private final Set<String> nameSet;

    StudentClasses(Path location) {
        try {
            this.loader = new URLClassLoader(new URL[] {location.toUri().toURL()}, new ApiOnly());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        this.names = listClasses(location);
        this.nameSet = new HashSet<>(names);
    }

    List<String> names() {
        return names;
    }

    boolean isStudentClass(String name) {
        return nameSet.contains(name);
    }

    Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    /** Facts about every class, gathered without running any of the student's code. */
    Messages.Manifest manifest() {
        List<Messages.ClassInfo> infos = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> c = load(name);
                boolean concrete = !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
                Op op = c.getAnnotation(Op.class);
                List<String> constructors = new ArrayList<>();
                for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                    constructors.add(signature(constructor));
                }
                constructors.sort(null);
                infos.add(new Messages.ClassInfo(name, concrete, Node.class.isAssignableFrom(c),
                        op == null ? null : op.value(), constructors, Backprop.class.isAssignableFrom(c), null));
            } catch (ClassNotFoundException | LinkageError e) {
                infos.add(new Messages.ClassInfo(name, false, false, null, List.of(), false, e.toString()));
            }
        }
        return new Messages.Manifest(infos);
    }

    /** Parameter types by simple name for the API's and the JDK's types: {@code "Node,double"}. */
    static String signature(Constructor<?> constructor) {
        StringBuilder signature = new StringBuilder();
        for (Class<?> t : constructor.getParameterTypes()) {
            if (signature.length() > 0) {
                signature.append(',');
            }
            boolean familiar = t.getName().startsWith("org.topograd.api.") || t.getName().startsWith("java.lang.");
            signature.append(familiar ? t.getSimpleName() : t.getName());
        }
        return signature.toString();
    }

    private static List<String> listClasses(Path location) {
        try {
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                collect(location, location, names);
                names.remove("module-info");
                names.sort(null);
                return names;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                        names.add(toName(entry));
                    }
                }
            }
            names.remove("module-info");
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes in " + location, e);
        }
    }

    /** The classes under a folder, depth first (plain loops: this runs at every worker's start). */
    private static void collect(Path root, Path dir, List<String> names) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    collect(root, entry, names);
                } else if (entry.getFileName().toString().endsWith(".class")) {
                    names.add(toName(root.relativize(entry).toString().replace('\\', '/')));
                }
            }
        }
    }

    private static String toName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    /** The JDK's classes and the student API; everything else of topograd's stays out of reach. */
    private static final class ApiOnly extends ClassLoader {
        private final ClassLoader app = StudentClasses.class.getClassLoader();

        ApiOnly() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.topograd.api.")) {
                return app.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

}
