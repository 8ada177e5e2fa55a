package io.sessionkeys.conformance.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the vector files are read from: a directory (the repository copy, given to test JVMs as
 * {@code sessionkeys.vectors}), or the {@code vectors/} resources packed into the jar.
 */
public final class VectorSource {

    /** The system property the build sets for test JVMs. */
    public static final String PROPERTY = "sessionkeys.vectors";

    private final Path directory;

    private VectorSource(Path directory) {
        this.directory = directory;
    }

    /** The directory named by {@code sessionkeys.vectors} if set, else the packed resources. */
    public static VectorSource standard() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? new VectorSource(null) : directory(Path.of(dir));
    }

    public static VectorSource directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("vector directory " + directory + " does not exist");
        }
        return new VectorSource(directory);
    }

    /** Reads the file at {@code relativePath} (for example {@code wycheproof/testvectors_v1/aes_gcm_test.json}). */
    public String read(String relativePath) throws IOException {
        if (directory != null) {
            return Files.readString(directory.resolve(relativePath), StandardCharsets.UTF_8);
        }
        try (InputStream in = VectorSource.class.getResourceAsStream("/vectors/" + relativePath)) {
            if (in == null) {
                throw new IOException("vector file " + relativePath + " is not packed in this jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return directory != null ? directory.toString() : "classpath:/vectors";
    }
}
