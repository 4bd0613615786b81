package org.topograd.kit;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The classes a class file refers to: its class constants, and every class named in a descriptor
 * or signature (field and method types, code, annotations, generic signatures). A class the JVM
 * may load to run or verify this one is among them. ASM's remapper visits every one of those names
 * (it must, to rename them); here it renames nothing and writes each down.
 */
final class ClassReferences {
    private ClassReferences() {}

    /** Internal names ({@code org/topograd/spec/Graph}) of the classes {@code classFile} refers to. */
    static Set<String> of(byte[] classFile) throws IOException {
        Set<String> names = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                names.add(internalName);
                return internalName;
            }
        };
        try {
            new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        } catch (RuntimeException e) { // ASM's answer to a malformed class file
            throw new IOException("not a readable class file: " + e, e);
        }
        names.removeIf(name -> name.startsWith("[")); // array classes: their elements are named too
        return names;
    }
}
