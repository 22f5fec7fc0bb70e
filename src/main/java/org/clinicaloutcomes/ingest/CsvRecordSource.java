package org.clinicaloutcomes.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Streams the records of one input file as {@link RawRow}s with their physical line numbers
 * (DATA.md, "Files"): UTF-8 with or without BOM, LF or CRLF, RFC 4180 quoting, blank lines
 * skipped and not counted. The file must have passed {@link InputFingerprint} first.
 *
 * <p>The reader works on the file's bytes: the delimiter, the quote and the line ends are ASCII,
 * and no byte of a multi-byte UTF-8 character is ASCII, so records and fields can be found
 * without decoding, and only the fields are decoded. It is lenient the way the pipeline was
 * with Commons CSV ({@code RFC4180}, strict quote mode, lenient EOF, trailing data), so that a
 * malformed row becomes a reject and not a crash:
 * <ul>
 *   <li>a record ends at CR, LF or CRLF outside quotes, or at the end of the file;</li>
 *   <li>a field that starts with a quote runs to the next lone quote ({@code ""} inside stands
 *       for one quote, and CR and LF are kept); anything between that closing quote and the next
 *       delimiter or line end is appended to the field (trailing data); a quote left open runs to
 *       the end of the file;</li>
 *   <li>a quote inside an unquoted field is an ordinary character;</li>
 *   <li>a line that holds nothing is blank and skipped; a line holding {@code ""} is a record of
 *       one empty field;</li>
 *   <li>a record's line is the physical line it starts on: CR, LF and CRLF each end one line,
 *       inside quoted fields too.</li>
 * </ul>
 *
 * <p>The byte position after each record ({@link #position()}) and the number of lines read
 * ({@link #linesRead()}) let a restarted run {@linkplain #CsvRecordSource(Path, long, long) resume}
 * right after a committed record without reading what came before.
 */
public final class CsvRecordSource implements Closeable {

    private static final int BUFFER = 1 << 20;
    private static final byte COMMA = ',';
    private static final byte TAB = '\t';
    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** One- and two-character ASCII fields (scores, items, flags) are shared, not allocated per cell. */
    private static final String[] ONE_CHAR = new String[128];
    private static final String[] TWO_CHARS = new String[128 * 128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf((char) c);
        }
    }

    private final FileChannel channel;
    private byte[] buffer = new byte[BUFFER];
    /** File offset of buffer[0]. */
    private long bufferStart;
    private int position;
    private int limit;
    private boolean endOfFile;
    /** Line ends read before {@link #position}. */
    private long lines;
    private final String[] header;

    private String[] fields = new String[32];
    private int fieldCount;
    private byte[] quoted = new byte[256];
    /** Set by {@link #parseRecord}: the record was one unquoted empty field ended by a line end. */
    private boolean blankLine;
    /** Whether rows carry their {@link ContentHash}, worked out here. */
    private boolean hashing;
    /** Set by {@link #parseRecord}: where the record's fields lie in the buffer, and whether they are
     * all unquoted with nothing to trim, so that those bytes are the string {@link ContentHash} hashes. */
    private int recordStart;
    private int fieldsEnd;
    private boolean plain;
    /** The field separator: a comma in the pipeline's own files; {@code ;} or tab in an export. */
    private final byte delimiter;
    /** Null for UTF-8, the pipeline's encoding; else a single-byte charset that keeps ASCII as it is. */
    private final Charset charset;

    public CsvRecordSource(Path file) throws IOException {
        this(file, ',', StandardCharsets.UTF_8);
    }

    /**
     * A researcher's export (RESEARCH.md, keys {@code delimiter} and {@code encoding}): the
     * delimiter is {@code ,}, {@code ;} or tab; the charset UTF-8 or windows-1252, in which ASCII
     * bytes are ASCII characters too, so that records are found on the bytes as for UTF-8.
     */
    public CsvRecordSource(Path file, char delimiter, Charset charset) throws IOException {
        if (delimiter != ',' && delimiter != ';' && delimiter != TAB) {
            throw new IllegalArgumentException("a delimiter is , ; or tab");
        }
        this.delimiter = (byte) delimiter;
        this.charset = StandardCharsets.UTF_8.equals(charset) ? null : charset;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            fill();
            while (limit < 3 && !endOfFile) {
                fill();
            }
            if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                position = 3;
            }
            RawRow first = next();
            this.header = first == null ? new String[0] : first.fields();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens the file, reads its header, and goes on from a position that an earlier reader of
     * the same file reported after a record ({@link #position()}, {@link #linesRead()}).
     */
    public CsvRecordSource(Path file, long position, long linesRead) throws IOException {
        this(file);
        if (position < position()) {
            throw new IllegalArgumentException("cannot resume before the end of the header");
        }
        if (position > position()) {
            channel.position(position);
            bufferStart = position;
            this.position = 0;
            limit = 0;
            endOfFile = false;
            lines = linesRead;
        }
    }

    /**
     * Makes every row carry the {@link ContentHash} of its fields ({@link RawRow#hash()}), worked
     * out on the file's bytes where possible. Returns this source.
     */
    public CsvRecordSource withContentHash() {
        hashing = true;
        return this;
    }

    /** The header cells as written; empty when the file has no non-blank line. */
    public String[] header() {
        return header;
    }

    /** Byte offset in the file just after the last record returned (and any blank line before it). */
    public long position() {
        return bufferStart + position;
    }

    /** Physical lines read up to {@link #position()}: the next record starts on line {@code linesRead() + 1}. */
    public long linesRead() {
        return lines;
    }

    /** The next non-blank record, or null at the end of the file. */
    public RawRow next() {
        try {
            while (true) {
                long line = lines + 1;
                if (!parseRecord()) {
                    return null;
                }
                if (!blankLine) {
                    String[] values = Arrays.copyOf(fields, fieldCount);
                    if (!hashing) {
                        return new RawRow(line, values);
                    }
                    return new RawRow(line, values, plain ? ContentHash.ofBytes(buffer, recordStart, fieldsEnd)
                            : ContentHash.of(values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input file", e);
        }
    }

    /**
     * Parses the record at {@link #position} into {@link #fields}. When the buffer ends inside
     * the record before the end of the file, it reads more and parses the record again.
     *
     * @return false at the end of the file
     */
    private boolean parseRecord() throws IOException {
        while (true) {
            int result = tryParseRecord();
            if (result >= 0) {
                return result == 1;
            }
            fill();
        }
    }

    /** 1: a record (or a blank line) was parsed; 0: end of file; -1: more bytes are needed. */
    private int tryParseRecord() {
        final byte[] b = buffer;
        final int end = limit;
        final byte comma = delimiter;
        int p = position;
        long ln = lines;
        fieldCount = 0;
        blankLine = false;
        boolean clean = true;
        if (p >= end) {
            return endOfFile ? 0 : -1;
        }
        while (true) {
            // Start of a field.
            if (p >= end) {
                if (!endOfFile) {
                    return -1;
                }
                addField(""); // after a delimiter at the end of the file
                fieldsEnd = p;
                break;
            }
            byte c = b[p];
            if (c == QUOTE) {
                clean = false;
                int n = 0;
                p++;
                boolean closed = false;
                int ending = 0; // 0: end of file, 1: delimiter, 2: line end
                while (true) {
                    if (p >= end) {
                        if (!endOfFile) {
                            return -1;
                        }
                        break; // lenient: a quote left open runs to the end of the file
                    }
                    c = b[p];
                    if (!closed) {
                        if (c == QUOTE) {
                            if (p + 1 >= end && !endOfFile) {
                                return -1;
                            }
                            if (p + 1 < end && b[p + 1] == QUOTE) {
                                n = append(n, QUOTE);
                                p += 2;
                            } else {
                                closed = true;
                                p++;
                            }
                            continue;
                        }
                        if (c == CR || (c == LF && b[p - 1] != CR)) {
                            ln++;
                        }
                        n = append(n, c);
                        p++;
                    } else if (c == comma) {
                        p++;
                        ending = 1;
                        break;
                    } else if (c == LF || c == CR) {
                        ending = 2;
                        break;
                    } else {
                        n = append(n, c); // trailing data after the closing quote
                        p++;
                    }
                }
                addField(decode(charset, quoted, 0, n));
                if (ending == 1) {
                    continue;
                }
                if (ending == 0) {
                    break;
                }
                c = b[p];
            } else if (c != comma && c != CR && c != LF) {
                int from = p;
                while (p < end && (c = b[p]) != comma && c != CR && c != LF) {
                    p++;
                }
                if (p >= end && !endOfFile) {
                    return -1;
                }
                addField(decode(charset, b, from, p));
                // Trimming changes nothing when the field starts and ends with printable ASCII.
                clean &= b[from] > ' ' && b[from] < 0x7F && b[p - 1] > ' ' && b[p - 1] < 0x7F;
                if (p >= end) {
                    fieldsEnd = p;
                    break; // end of file
                }
            } else {
                addField(""); // an empty unquoted field
                blankLine = fieldCount == 1 && c != comma;
            }
            // After a field: a delimiter, a line end, or (handled above) the end of the file.
            if (c == comma) {
                p++;
                continue;
            }
            fieldsEnd = p;
            ln++;
            p++;
            if (c == CR) {
                if (p >= end && !endOfFile) {
                    return -1;
                }
                if (p < end && b[p] == LF) {
                    p++;
                }
            }
            break;
        }
        recordStart = position;
        // The bytes are the hashed string only with commas between the fields and UTF-8 in them.
        plain = clean && comma == COMMA && charset == null;
        position = p;
        lines = ln;
        return 1;
    }

    private int append(int n, byte c) {
        if (n == quoted.length) {
            quoted = Arrays.copyOf(quoted, n * 2);
        }
        quoted[n] = c;
        return n + 1;
    }

    private void addField(String value) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fieldCount * 2);
        }
        fields[fieldCount++] = value;
    }

    private static String decode(Charset charset, byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length == 1 && bytes[from] >= 0) {
            return ONE_CHAR[bytes[from]];
        }
        if (length == 2 && bytes[from] >= 0 && bytes[from + 1] >= 0) {
            int key = bytes[from] * 128 + bytes[from + 1];
            String value = TWO_CHARS[key];
            if (value == null) {
                // Racing threads may each make one: they are equal, and either may stay.
                value = new String(bytes, from, 2, StandardCharsets.US_ASCII);
                TWO_CHARS[key] = value;
            }
            return value;
        }
        return new String(bytes, from, length, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    /** Keeps the unread bytes, moved to the front, and reads more after them (a larger buffer if full). */
    private void fill() throws IOException {
        if (endOfFile) {
            return;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // one record longer than the buffer
        }
        int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (read < 0) {
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
