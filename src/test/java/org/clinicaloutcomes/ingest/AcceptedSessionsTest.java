package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visiting the staged episodes: all of them, or one analysis partition's from its own files (issue 19). */
class AcceptedSessionsTest {

    @TempDir
    Path folder;

    private static SessionRecord session(int episode, int day) {
        return new SessionRecord(episode, day, day, true, new double[] {day}, null, day, 0L, 0L);
    }

    private Path file(int index, SessionRecord... records) throws IOException {
        Path file = folder.resolve("sessions-" + index + ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (SessionRecord record : records) {
                SessionSpill.write(out, record);
            }
        }
        return file;
    }

    private List<String> visits(int[] episodes, int firstFile, int files) {
        List<String> visits = new ArrayList<>();
        AcceptedSessions.forEachEpisode(episodes, firstFile, files, p -> folder.resolve("sessions-" + p + ".bin"), 1,
                (episode, sessions) -> visits.add(episode + ":" + sessions.stream().map(s -> s.day() + "").toList()));
        return visits;
    }

    @Test
    void aPartitionsEpisodesComeInIndexOrderWithTheirSessionsAndThoseWithoutSessionsToo() throws Exception {
        // partition 0 = episodes 1, 4, 6, 9 in files 2 and 3; partition 1's file 0 and 1 are not read
        file(0, session(0, 1));
        file(1, session(5, 1));
        file(2, session(1, 10), session(1, 11), session(4, 12));
        file(3, session(9, 13), session(9, 14));
        assertThat(visits(new int[] {1, 4, 6, 9}, 2, 2)).containsExactly("1:[10, 11]", "4:[12]", "6:[]", "9:[13, 14]");
        assertThat(visits(new int[] {0, 2, 5}, 0, 2)).containsExactly("0:[1]", "2:[]", "5:[1]");
    }

    @Test
    void aSessionOfAnotherPartitionsEpisodeIsAnError() throws Exception {
        file(0, session(1, 10), session(3, 11));
        assertThatThrownBy(() -> visits(new int[] {1, 2}, 0, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staged file 0");
    }
}
