package org.topograd.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a submission's class files (a folder of them, or a jar) with ASM and tells, for each class,
 * whether it is a node, its {@code @Op}, its constructors and whether it is a traversal. Supertypes
 * are followed through the submission's own classes, so a student's abstract base class (the
 * lecture's generic unary function) is seen through.
 */
public final class ClassScanner {
    private static final String NODE = "org/topograd/api/Node";
    private static final String BACKPROP = "org/topograd/api/Backprop";
    private static final String TENSOR_NODE = "org/topograd/api/tensor/TensorNode";
    private static final String TENSOR_BACKPROP = "org/topograd/api/tensor/TensorBackprop";
    private static final String OP = "Lorg/topograd/api/Op;";

    private ClassScanner() {}

    /** What a class file says directly, before supertypes are followed. */
    private record Declared(String name, int access, String superName, List<String> interfaces, String op,
            List<String> constructors) {}

    public static List<ClassFacts> scan(Path classes) throws IOException {
        return scan(classes, CompileLimits.DEFAULT.classBytes());
    }

    /** @param maxBytes most bytes of class files to read (the limits they were made under) */
    public static List<ClassFacts> scan(Path classes, long maxBytes) throws IOException {
        Map<String, Declared> declared = new TreeMap<>();
        List<ClassFacts> unreadable = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : classFiles(classes, maxBytes).entrySet()) {
            try {
                Declared d = read(file.getValue());
                declared.put(d.name(), d);
            } catch (RuntimeException e) {
                unreadable.add(new ClassFacts(file.getKey().replace('/', '.'), false, false, null, List.of(), false,
                        "the class file cannot be read (" + e + ")"));
            }
        }
        List<ClassFacts> facts = new ArrayList<>(unreadable);
        for (Declared d : declared.values()) {
            if (d.name().equals("module-info")) {
                continue;
            }
            boolean concrete = (d.access() & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
            facts.add(new ClassFacts(d.name().replace('/', '.'), concrete, extendsClass(d, NODE, declared), d.op(),
                    d.constructors(), reaches(d.name(), BACKPROP, declared, new HashSet<>()), null,
                    extendsClass(d, TENSOR_NODE, declared), reaches(d.name(), TENSOR_BACKPROP, declared,
                            new HashSet<>())));
        }
        facts.sort((a, b) -> a.name().compareTo(b.name()));
        return facts;
    }

    /** Whether {@code d} extends {@code base} (the API's Node or TensorNode), through the submission's classes. */
    private static boolean extendsClass(Declared d, String base, Map<String, Declared> declared) {
        Set<String> seen = new HashSet<>();
        for (String s = d.superName(); s != null && seen.add(s); ) {
            if (s.equals(base)) {
                return true;
            }
            Declared parent = declared.get(s);
            s = parent == null ? null : parent.superName();
        }
        return false;
    }

    /** Whether {@code type} is {@code target} or has it among its supertypes (within the submission). */
    private static boolean reaches(String type, String target, Map<String, Declared> declared, Set<String> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (type.equals(target)) {
            return true;
        }
        Declared d = declared.get(type);
        if (d == null) {
            return false;
        }
        for (String i : d.interfaces()) {
            if (reaches(i, target, declared, seen)) {
                return true;
            }
        }
        return reaches(d.superName(), target, declared, seen);
    }

    private static Declared read(byte[] bytes) {
        Collector collector = new Collector();
        new ClassReader(bytes).accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                | ClassReader.SKIP_FRAMES);
        return new Declared(collector.name, collector.access, collector.superName, collector.interfaces,
                collector.op, collector.constructors);
    }

    private static final class Collector extends ClassVisitor {
        String name;
        int access;
        String superName;
        List<String> interfaces = List.of();
        String op;
        final List<String> constructors = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (!descriptor.equals(OP)) {
                return null;
            }
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String element, Object value) {
                    if (element.equals("value")) {
                        op = String.valueOf(value);
                    }
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            if (method.equals("<init>")) {
                constructors.add(parameters(descriptor));
            }
            return null;
        }
    }

    /** {@code (Lorg/topograd/api/Node;D)V} as {@code "Node,double"}. */
    static String parameters(String descriptor) {
        StringBuilder text = new StringBuilder();
        for (Type t : Type.getArgumentTypes(descriptor)) {
            if (text.length() > 0) {
                text.append(',');
            }
            String name = t.getClassName();
            boolean familiar = name.startsWith("org.topograd.api.") || name.startsWith("java.lang.");
            text.append(familiar ? name.substring(name.lastIndexOf('.') + 1) : name);
        }
        return text.toString();
    }

    /**
     * Class file bytes by path ({@code p/Mul.class}) from a folder of topograd's: what the compiler
     * wrote or a jar unpacked, both capped already; regular files only, and no more than the caps
     * allow however the folder came to be.
     */
    private static Map<String, byte[]> classFiles(Path classes, long maxBytes) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long room = maxBytes;
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
                    room -= bytes.length;
                    if (room < 0) {
                        throw new IOException("more class files than any compile or jar may make");
                    }
                    files.put(classes.relativize(p).toString().replace('\\', '/'), bytes);
                }
            }
        }
        return files;
    }
}
