package org.topograd.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                List<String> constructors = Arrays.stream(c.getDeclaredConstructors())
                        .map(StudentClasses::signature).sorted().collect(Collectors.toList());
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
        return Arrays.stream(constructor.getParameterTypes())
                .map(t -> t.getName().startsWith("org.topograd.api.") || t.getName().startsWith("java.lang.")
                        ? t.getSimpleName() : t.getName())
                .collect(Collectors.joining(","));
    }

    private static List<String> listClasses(Path location) {
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.filter(p -> p.toString().endsWith(".class"))
                            .map(p -> toName(location.relativize(p).toString().replace('\\', '/')))
                            .filter(n -> !n.equals("module-info"))
                            .sorted()
                            .collect(Collectors.toList());
                }
            }
            List<String> names = new ArrayList<>();
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
