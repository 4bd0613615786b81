package org.topograd.worker;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The student's compiled classes, in a class loader that sees the JDK and the student API and
 * nothing else of topograd's. (Which classes there are, and what they declare, topograd has already
 * read from the class files; the worker only loads the ones it is told to.)
 */
final class StudentClasses {
    private final ClassLoader loader;

    StudentClasses(Path location) {
        try {
            this.loader = new URLClassLoader(new URL[] {location.toUri().toURL()}, new ApiOnly());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Loads a class without initialising it: no static initialiser runs until a constructor does. */
    Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
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
