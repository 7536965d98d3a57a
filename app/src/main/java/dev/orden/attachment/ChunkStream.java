package dev.orden.attachment;

import java.io.InputStream;
import java.util.function.IntFunction;

/**
 * A stored file read one chunk at a time from an offset on: at most one chunk in memory. Chunks are all as long as
 * the first but the last, so the first tells in which chunk the offset lies.
 */
final class ChunkStream extends InputStream {

    private final IntFunction<byte[]> chunks;
    private byte[] current;
    private int position;
    private int next;

    ChunkStream(IntFunction<byte[]> chunks, long offset) {
        this.chunks = chunks;
        var first = chunks.apply(0);
        if (first == null || first.length == 0 || offset < first.length) {
            current = first;
            position = (int) Math.min(offset, first == null ? 0 : first.length);
            next = 1;
        } else {
            next = (int) (offset / first.length);
            current = chunks.apply(next++);
            position = (int) (offset % first.length);
        }
    }

    @Override
    public int read() {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) return 0;
        while (current != null && position >= current.length) {
            current = chunks.apply(next++);
            position = 0;
        }
        if (current == null) return -1;
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
