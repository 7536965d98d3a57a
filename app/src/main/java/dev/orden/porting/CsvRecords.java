package dev.orden.porting;

import dev.orden.shared.problem.ProblemException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * An RFC 4180 CSV body read one record at a time (Jackson's streaming CSV parser): the header first, then the data
 * rows, numbered from 1. Nothing but the current record is held. A body that is not CSV at all (an unterminated
 * quote) is a 422 naming the row.
 */
final class CsvRecords implements AutoCloseable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();

    private final MappingIterator<String[]> records;
    private final List<String> header;
    private long row;

    private CsvRecords(MappingIterator<String[]> records, List<String> header) {
        this.records = records;
        this.header = header;
    }

    static CsvRecords open(Reader body) {
        try {
            MappingIterator<String[]> records = MAPPER.readerFor(String[].class).readValues(body);
            if (!records.hasNextValue()) throw ProblemException.invalid("header", "the CSV has no header row");
            var header = Arrays.stream(records.nextValue()).map(String::strip).toList();
            return new CsvRecords(records, header);
        } catch (JacksonException e) {
            throw ProblemException.invalid("header", "is not CSV: " + e.getOriginalMessage());
        }
    }

    List<String> header() {
        return header;
    }

    /** The next data row, or empty at the end. */
    Optional<String[]> next() {
        try {
            if (!records.hasNextValue()) return Optional.empty();
            row++;
            return Optional.of(records.nextValue());
        } catch (JacksonException e) {
            throw ProblemException.invalid("row " + (row + 1), "is not CSV: " + e.getOriginalMessage());
        }
    }

    /** The number of the row {@link #next} returned last. */
    long row() {
        return row;
    }

    @Override
    public void close() {
        records.close();
    }
}
