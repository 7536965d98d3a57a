package dev.orden.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File names, byte ranges, limits, the upload's counting stream, the SVG guard and chunked reads. */
class AttachmentPartsTest {

    @Test
    void fileNamesFromAParameterOrContentDisposition() {
        assertEquals("a b.pdf", FileNames.fromUpload("a b.pdf", "attachment; filename=x"));
        assertEquals("café €.pdf", FileNames.fromUpload(null,
                "attachment; filename=\"cafe.pdf\"; filename*=UTF-8''caf%C3%A9%20%E2%82%AC.pdf"));
        assertEquals("a+b \"q\".txt", FileNames.fromUpload(null, "attachment; filename=\"a+b \\\"q\\\".txt\""));
        assertEquals("plain.txt", FileNames.fromUpload(null, "attachment; filename=plain.txt"));
        assertNull(FileNames.fromUpload(null, "attachment"));
    }

    @Test
    void namesAreKeptWithoutPathsOrControlCharacters() {
        assertEquals("passwd", FileNames.clean("../../etc/passwd"));
        assertEquals("evil.exe", FileNames.clean("C:\\tmp\\evil.exe"));
        assertEquals("invoicefdp.exe", FileNames.clean("invoice\u202Efdp.exe"));
        assertEquals("", FileNames.clean(".."));
        assertEquals(255, FileNames.clean("x".repeat(300)).length());
    }

    @Test
    void contentDispositionGivesAnAsciiNameAndTheExactOne() {
        assertEquals("attachment; filename=\"caf_ _q_.pdf\"; filename*=UTF-8''caf%C3%A9%20%22q%22.pdf",
                FileNames.disposition("attachment", "café \"q\".pdf"));
        assertEquals("inline; filename=\"a_b.png\"; filename*=UTF-8''a%25b.png",
                FileNames.disposition("inline", "a%b.png"));
    }

    @Test
    void oneByteRangeClippedToTheFile() {
        assertEquals(new Downloads.Span(0, 100), Downloads.span(null, 100));
        assertEquals(new Downloads.Span(10, 11), Downloads.span("bytes=10-20", 100));
        assertEquals(new Downloads.Span(90, 10), Downloads.span("bytes=90-", 100));
        assertEquals(new Downloads.Span(95, 5), Downloads.span("bytes=-5", 100));
        assertEquals(new Downloads.Span(50, 50), Downloads.span("bytes=50-1000", 100));
        assertEquals(new Downloads.Span(0, 100), Downloads.span("bytes=0-1,5-9", 100), "several: the whole file");
        assertNull(Downloads.span("bytes=100-", 100));
        assertNull(Downloads.span("bytes=-0", 100));
    }

    @Test
    void aTenantsLimitsStayWithinTheServers() {
        var server = new AttachmentLimits.Server(25, 100, 1000, 5000, List.of("image/png", "application/pdf"));
        assertEquals(new AttachmentLimits(25, 1000, List.of("image/png", "application/pdf")),
                AttachmentLimits.of(server, null));
        var own = Json.createObjectBuilder().add("maxFileSize", 500).add("quota", 10)
                .add("allowedTypes", Json.createArrayBuilder().add("application/pdf").add("text/html")).build();
        assertEquals(new AttachmentLimits(100, 10, List.of("application/pdf")), AttachmentLimits.of(server, own));
    }

    @Test
    void anUploadIsCountedDigestedAndCutOffPastItsLimit() throws IOException {
        var counted = new UploadStream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 3);
        assertEquals(3, counted.readAllBytes().length);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", counted.sha256());
        var tooLong = new UploadStream(new ByteArrayInputStream(new byte[5]), 4);
        assertThrows(UploadStream.TooLarge.class, tooLong::readAllBytes);
    }

    @Test
    void theSvgGuardFindsScriptAcrossReads() throws IOException {
        var svg = "<svg xmlns='http://www.w3.org/2000/svg'>" + " ".repeat(5000) + "<rect onload = 'x()'/></svg>";
        var guard = new ScriptGuard(new ByteArrayInputStream(svg.getBytes(StandardCharsets.US_ASCII)));
        var buffer = new byte[4097];
        while (guard.read(buffer, 0, buffer.length) >= 0) { }
        assertEquals("onload =", guard.found());
        var clean = new ScriptGuard(new ByteArrayInputStream("<svg><circle r='1'/></svg>".getBytes(StandardCharsets.US_ASCII)));
        clean.readAllBytes();
        assertNull(clean.found());
    }

    @Test
    void aStoredFileIsReadChunkByChunkFromAnyOffset() throws IOException {
        var chunks = new ArrayList<byte[]>(List.of(new byte[] {0, 1, 2, 3}, new byte[] {4, 5, 6, 7}, new byte[] {8, 9}));
        var asked = new ArrayList<Integer>();
        java.util.function.IntFunction<byte[]> store = seq -> {
            asked.add(seq);
            return seq < chunks.size() ? chunks.get(seq) : null;
        };
        assertEquals(10, new ChunkStream(store, 0).readAllBytes().length, "whole");
        asked.clear();
        assertEquals(List.of((byte) 6, (byte) 7, (byte) 8, (byte) 9), toList(new ChunkStream(store, 6).readAllBytes()));
        assertEquals(List.of(0, 1, 2, 3), asked, "the first (for the chunk size), then from the offset's on");
        assertEquals(List.of((byte) 3, (byte) 4), toList(new ChunkStream(store, 3).readNBytes(2)));
    }

    private static List<Byte> toList(byte[] bytes) {
        var list = new ArrayList<Byte>();
        for (byte b : bytes) list.add(b);
        return list;
    }
}
