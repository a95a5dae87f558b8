package io.rebound.activity.files;

import java.util.Locale;
import java.util.Optional;

/** The activity file formats Rebound reads. */
enum FileFormat {
    FIT,
    GPX,
    TCX;

    /** The format a file name's extension suggests, if any; only ever a hint, the content decides. */
    static Optional<FileFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.trim().toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            if (lower.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
