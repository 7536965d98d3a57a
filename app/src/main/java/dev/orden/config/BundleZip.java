package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A bundle as a zip of its files ({@link BundleFiles}), for the admin API's export and import and for the default
 * bundle the build packs. Reading trusts nothing the archive declares: entries are counted and their bytes measured
 * as they inflate, so a zip bomb stops at {@value #MAX_ENTRIES} entries or {@value #MAX_BYTES} bytes, whatever its
 * headers say; names are never used as paths.
 */
final class BundleZip {

    static final String MEDIA_TYPE = "application/zip";
    /** What Windows browsers send for a .zip upload. */
    static final String MEDIA_TYPE_WINDOWS = "application/x-zip-compressed";
    /** Far above a real tenant (the demo tenants have 15 files), far below a flood. */
    static final int MAX_ENTRIES = 1000;
    /** A 1 MiB bundle document (the request limit) takes about four times that as indented files. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private BundleZip() {}

    /** The bundle's files, members in the schemas' order (the database keeps none), indented as in the repository. */
    static byte[] write(JsonObject bundle) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var folder : BundleFiles.FOLDER_PARTS) {
                zip.putNextEntry(new ZipEntry(folder + "/"));
                zip.closeEntry();
            }
            for (var file : BundleFiles.files((JsonObject) MemberOrder.canonical(bundle)).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(BundleFiles.text(file.getKey(), file.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bundle a zip holds: 400 when it is no zip, 422 naming every entry that breaks the layout or a limit. */
    static JsonObject read(InputStream in) {
        var files = new BundleFiles.Gathering();
        int entries = 0;
        long bytes = 0;
        try (var zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = next(zip); entry != null; entry = next(zip)) {
                var name = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    throw ProblemException.invalid(List.of(BundleFiles.error(name,
                            "is one entry too many: a configuration zip holds at most " + MAX_ENTRIES)));
                }
                var content = inflate(zip, name, MAX_BYTES - bytes);
                bytes += content.length;
                files.add(name, content);
            }
        } catch (ZipException e) {
            throw unreadable(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries == 0) throw unreadable("no entries");
        return files.bundle();
    }

    private static ZipEntry next(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) { // an entry name that is not UTF-8
            throw unreadable(e.getMessage());
        }
    }

    private static byte[] inflate(ZipInputStream zip, String name, long allowed) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > allowed) {
                throw ProblemException.invalid(List.of(BundleFiles.error(name, "takes the zip past " + MAX_BYTES
                        + " bytes uncompressed, the most a configuration may hold")));
            }
        }
        return out.toByteArray();
    }

    private static ProblemException unreadable(String why) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not a readable zip: " + why);
    }
}
