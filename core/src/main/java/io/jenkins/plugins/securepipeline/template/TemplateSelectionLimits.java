package io.jenkins.plugins.securepipeline.template;

import java.util.List;
import java.util.Optional;

/**
 * How much a template scan may take from a workspace before anything is copied: how many files, how large one file,
 * how many bytes in all. A glob such as {@code **} over a large repository must be refused with a clear reason, not
 * fill the disk of the machine that scans. The per-file default is the template reader's own limit
 * ({@link ReaderLimits#DEFAULT}), and a larger per-file limit is refused: the reader would not read such a file.
 *
 * @param maxFiles the most files (templates and symbolic links) one scan may select
 * @param maxFileBytes the largest file
 * @param maxTotalBytes the most bytes of all selected files together
 */
public record TemplateSelectionLimits(int maxFiles, long maxFileBytes, long maxTotalBytes) {
    public static final int DEFAULT_MAX_FILES = 5_000;
    public static final long DEFAULT_MAX_FILE_BYTES = ReaderLimits.DEFAULT.maxBytes();
    public static final long DEFAULT_MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    public static final TemplateSelectionLimits DEFAULT =
            new TemplateSelectionLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES);

    public TemplateSelectionLimits {
        if (maxFiles <= 0 || maxFileBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("template selection limits must be positive: " + maxFiles + " files, "
                    + maxFileBytes + " bytes per file, " + maxTotalBytes + " bytes in total");
        }
        if (maxFileBytes > DEFAULT_MAX_FILE_BYTES) {
            throw new IllegalArgumentException("at most " + DEFAULT_MAX_FILE_BYTES
                    + " bytes per file (the template reader reads no larger file), got " + maxFileBytes);
        }
    }

    /** One selected file: its name relative to the workspace and its size in bytes. */
    public record SelectedFile(String name, long bytes) {}

    /** Which limit a selection goes beyond. */
    public enum Limit { FILES, FILE_BYTES, TOTAL_BYTES }

    /**
     * A limit a selection goes beyond, with the numbers.
     *
     * @param file the file that is too large, for {@link Limit#FILE_BYTES}; null otherwise
     */
    public record Excess(Limit limit, long allowed, long actual, String file) {
        /** E.g. "3 files, more than the limit of 2 files per scan". */
        public String describe() {
            return switch (limit) {
                case FILES -> actual + " files, more than the limit of " + allowed + " files per scan";
                case FILE_BYTES -> file + " (" + actual + " bytes), more than the limit of " + allowed + " bytes per file";
                case TOTAL_BYTES -> actual + " bytes in total, more than the limit of " + allowed + " bytes per scan";
            };
        }
    }

    /**
     * The first limit the selection goes beyond: the number of files, then the largest file, then the total.
     *
     * @param fileCount how many files were selected; may exceed {@code files.size()} when the sizes of a selection
     *     that is too large anyway were not measured
     * @param files the selected files with their sizes
     * @throws IllegalArgumentException for a negative size (it would hide bytes from the total)
     */
    public Optional<Excess> check(long fileCount, List<SelectedFile> files) {
        long count = Math.max(fileCount, files.size());
        if (count > maxFiles) {
            return Optional.of(new Excess(Limit.FILES, maxFiles, count, null));
        }
        SelectedFile largest = null;
        long total = 0;
        for (SelectedFile file : files) {
            if (file.bytes() < 0) {
                throw new IllegalArgumentException(file.name() + ": negative size " + file.bytes());
            }
            if (largest == null || file.bytes() > largest.bytes()) {
                largest = file;
            }
            total = saturatedAdd(total, file.bytes());
        }
        if (largest != null && largest.bytes() > maxFileBytes) {
            return Optional.of(new Excess(Limit.FILE_BYTES, maxFileBytes, largest.bytes(), largest.name()));
        }
        if (total > maxTotalBytes) {
            return Optional.of(new Excess(Limit.TOTAL_BYTES, maxTotalBytes, total, null));
        }
        return Optional.empty();
    }

    /**
     * An administrator's limit as written in a setting: blank or 0 means the default, never "unlimited".
     *
     * @param field the setting, named in the error
     * @throws IllegalArgumentException naming the field, for a negative number, text that is not a whole number, or a
     *     number above {@code maximum}
     */
    public static long parseSetting(String field, String text, long defaultValue, long maximum) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String trimmed = text.trim();
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + trimmed + "' is not a whole number (blank or 0 means the"
                    + " default, " + defaultValue + ")");
        }
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; give a positive number (blank or 0"
                    + " means the default, " + defaultValue + ")");
        }
        if (value > maximum) {
            throw new IllegalArgumentException(field + ": " + value + " is more than the most allowed, " + maximum);
        }
        return value == 0 ? defaultValue : value;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
