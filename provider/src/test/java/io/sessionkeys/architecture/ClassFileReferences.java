package io.sessionkeys.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one compiled class refers to, read from its constant pool (JVMS 4.4): every
 * {@code CONSTANT_Class} entry, and every class named in a descriptor or generic signature. That
 * covers imports that survive compilation (fields, method parameters and results, casts,
 * {@code instanceof}, exceptions, annotations, lambdas); a constant folded into the caller, or a
 * class named only in a string, is not a reference.
 */
final class ClassFileReferences {

    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    /** The class's own binary name, dotted. */
    final String name;
    /** Every class it names, dotted, itself excluded. */
    final Set<String> references = new TreeSet<>();

    private ClassFileReferences(String name) {
        this.name = name;
    }

    static ClassFileReferences read(byte[] classFile) throws IOException {
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
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        ClassFileReferences result = new ClassFileReferences(dotted(utf8[classNameIndex[in.readUnsignedShort()]]));
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                String named = utf8[classNameIndex[i]];
                if (named.startsWith("[")) {
                    result.addFromDescriptor(named); // an array class is named by its descriptor
                } else {
                    result.add(named);
                }
            } else if (utf8[i] != null) {
                result.addFromDescriptor(utf8[i]);
            }
        }
        return result;
    }

    private void addFromDescriptor(String text) {
        Matcher m = IN_DESCRIPTOR.matcher(text);
        while (m.find()) {
            add(m.group(1));
        }
    }

    private void add(String internalName) {
        String d = dotted(internalName);
        if (!d.equals(name)) {
            references.add(d);
        }
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
