package org.topograd.kit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: its class constants, and every
 * class named in a descriptor or signature (field and method types, annotations, generic
 * signatures). A class the JVM may load to run or verify this one is among them.
 *
 * <p>Only the constant pool is read, following the class file format (JVMS 4.4), which has kept
 * its tags since Java 11. JDK 17 has no class-file API, and ASM would be a dependency for these
 * forty lines.
 */
final class ClassReferences {
    /** A class in a descriptor or signature: {@code Lorg/topograd/spec/Graph;}, {@code Ljava/util/List<...>}. */
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\p{javaJavaIdentifierPart}/]+)[;<]");

    private ClassReferences() {}

    /** Internal names ({@code org/topograd/spec/Graph}) of the classes {@code classFile} refers to. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    utf8[i] = in.readUTF();
                    break;
                case 7: // Class
                    classNameIndex[i] = in.readUnsignedShort();
                    break;
                case 8: // String
                case 16: // MethodType
                case 19: // Module
                case 20: // Package
                    in.readUnsignedShort();
                    break;
                case 15: // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    break;
                case 3: // Integer
                case 4: // Float
                case 9: // Fieldref
                case 10: // Methodref
                case 11: // InterfaceMethodref
                case 12: // NameAndType
                case 17: // Dynamic
                case 18: // InvokeDynamic
                    in.readInt();
                    break;
                case 5: // Long
                case 6: // Double
                    in.readLong();
                    i++; // takes two slots
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                String name = utf8[classNameIndex[i]];
                if (name.startsWith("[")) {
                    descriptorClasses(name, names); // an array class: [Lorg/topograd/spec/Op;
                } else {
                    names.add(name);
                }
            } else if (utf8[i] != null) {
                descriptorClasses(utf8[i], names);
            }
        }
        return names;
    }

    private static void descriptorClasses(String text, Set<String> names) {
        Matcher m = IN_DESCRIPTOR.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }
}
