package dev.orden.plugin.storage;

import dev.orden.plugin.spi.Provider;
import java.io.IOException;
import java.io.InputStream;

/**
 * Looks at one uploaded file before the upload commits. Called on the request's thread, once per upload: a scanner
 * that asks another system (clamd) should use a timeout and answer {@link ScanVerdict#error} when it passes.
 */
public interface ContentScanner extends Provider {

    /**
     * @param file    what Orden knows of the file: its name, sniffed type and size
     * @param content the stored bytes from the start; read as far as needed, never kept whole in memory
     */
    ScanVerdict scan(ScannedFile file, InputStream content) throws IOException;

    /** The file as the scanner is told of it. */
    record ScannedFile(String name, String contentType, long size) {}
}
