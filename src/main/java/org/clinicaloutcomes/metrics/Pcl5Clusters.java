package org.clinicaloutcomes.metrics;

/**
 * DSM-5 symptom-cluster sums of one PCL-5 (20 items scored 0–4) and the provisional PTSD
 * diagnosis (METRICS.md, "PCL-5 symptom clusters").
 *
 * <pre>
 *   B intrusion                          items 1–5
 *   C avoidance                          items 6–7
 *   D negative cognitions and mood       items 8–14
 *   E arousal and reactivity             items 15–20
 *   provisional diagnosis: an item ≥ 2 ("moderately") is endorsed; at least 1 B, 1 C, 2 D and 2 E
 * </pre>
 *
 * <p>References: American Psychiatric Association (2013), DSM-5; Weathers et al. (2013), The
 * PTSD Checklist for DSM-5 (PCL-5), National Center for PTSD; Blevins et al. (2015), J. Trauma.
 * Stress 28(6), 489–498.
 *
 * @param intrusion             cluster B sum (items 1–5), 0–20
 * @param avoidance             cluster C sum (items 6–7), 0–8
 * @param cognitionsAndMood     cluster D sum (items 8–14), 0–28
 * @param arousal               cluster E sum (items 15–20), 0–24
 * @param provisionalDiagnosis  the DSM-5 cluster rule is met
 */
public record Pcl5Clusters(int intrusion, int avoidance, int cognitionsAndMood, int arousal,
                           boolean provisionalDiagnosis) {

    /** Number of PCL-5 items. */
    public static final int ITEMS = 20;
    /** Lowest item score that counts as an endorsed symptom. */
    public static final int ENDORSED = 2;

    /** The four DSM-5 clusters with their (1-based, inclusive) item ranges and required symptoms. */
    public enum Cluster {
        B("Intrusion", 1, 5, 1),
        C("Avoidance", 6, 7, 1),
        D("Negative alterations in cognitions and mood", 8, 14, 2),
        E("Alterations in arousal and reactivity", 15, 20, 2);

        private final String label;
        private final int firstItem;
        private final int lastItem;
        private final int requiredSymptoms;

        Cluster(String label, int firstItem, int lastItem, int requiredSymptoms) {
            this.label = label;
            this.firstItem = firstItem;
            this.lastItem = lastItem;
            this.requiredSymptoms = requiredSymptoms;
        }

        public String label() {
            return label;
        }

        public int firstItem() {
            return firstItem;
        }

        public int lastItem() {
            return lastItem;
        }

        /** Endorsed items the DSM-5 rule requires in this cluster. */
        public int requiredSymptoms() {
            return requiredSymptoms;
        }

        /** Sum of this cluster's items; {@code items[0]} is item 1. */
        int sum(int[] items) {
            int sum = 0;
            for (int item = firstItem; item <= lastItem; item++) {
                sum += items[item - 1];
            }
            return sum;
        }

        /** Items of this cluster scored at least {@link #ENDORSED}. */
        int endorsed(int[] items) {
            int count = 0;
            for (int item = firstItem; item <= lastItem; item++) {
                count += items[item - 1] >= ENDORSED ? 1 : 0;
            }
            return count;
        }
    }

    /**
     * Cluster sums and provisional diagnosis of one PCL-5.
     *
     * @param items the 20 item scores, {@code items[0]} = item 1
     * @throws IllegalArgumentException unless there are 20 items, each 0–4
     */
    public static Pcl5Clusters of(int[] items) {
        if (items.length != ITEMS) {
            throw new IllegalArgumentException("PCL-5 has " + ITEMS + " items, got " + items.length);
        }
        for (int i = 0; i < ITEMS; i++) {
            if (items[i] < 0 || items[i] > 4) {
                throw new IllegalArgumentException("PCL-5 item " + (i + 1) + " must be 0-4, got " + items[i]);
            }
        }
        boolean diagnosis = true;
        for (Cluster cluster : Cluster.values()) {
            diagnosis &= cluster.endorsed(items) >= cluster.requiredSymptoms();
        }
        return new Pcl5Clusters(Cluster.B.sum(items), Cluster.C.sum(items), Cluster.D.sum(items),
                Cluster.E.sum(items), diagnosis);
    }

    /** The sum of one cluster. */
    public int sum(Cluster cluster) {
        return switch (cluster) {
            case B -> intrusion;
            case C -> avoidance;
            case D -> cognitionsAndMood;
            case E -> arousal;
        };
    }

    /** The PCL-5 total, the sum of the four clusters (0–80). */
    public int total() {
        return intrusion + avoidance + cognitionsAndMood + arousal;
    }
}
