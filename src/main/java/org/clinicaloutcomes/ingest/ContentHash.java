package org.clinicaloutcomes.ingest;

/**
 * A 128-bit hash of a row's trimmed fields, so that an exact duplicate can be told from a
 * conflicting one without keeping every row. Two independent 64-bit FNV-1a style hashes with
 * different offsets and a final avalanche; a collision would need both to collide (about 2^-128).
 */
final class ContentHash {

    private static final long PRIME = 0x100000001b3L;

    private ContentHash() {
    }

    static long[] of(String[] fields) {
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x84222325cbf29ce4L;
        for (String field : fields) {
            String value = Values.clean(field);
            for (int i = 0, n = value.length(); i < n; i++) {
                char c = value.charAt(i);
                h1 = (h1 ^ c) * PRIME;
                h2 = (h2 ^ c) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            }
            // A separator that no character can produce, so ("ab","c") differs from ("a","bc").
            h1 = (h1 ^ 0x10000) * PRIME;
            h2 = (h2 ^ 0x10000) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        }
        return new long[] {mix(h1), mix(h2 ^ fields.length)};
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
