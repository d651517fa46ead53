package org.sketchfind.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sketchfind.engine.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassTableTest {
    @TempDir
    Path tmp;

    @Test
    void normalisation() {
        assertEquals("car sedan", ClassNames.normalise("Car_(Sedan)"));
        assertEquals("car", ClassNames.withoutParenthetical("car_(sedan)"));
        assertEquals("hot air balloon", ClassNames.normalise("hot-air_balloon"));
        assertEquals("hot air balloon", ClassNames.normalise("  Hot  Air\tBalloon "));
        assertEquals("jack o lantern", ClassNames.normalise("jack-o-lantern"));
        assertEquals(List.of("alarm", "clock"), List.of(ClassNames.tokens("alarm_clock")));
    }

    @Test
    void readsTestDataTable() throws IOException {
        Path f = TestData.path("sketchy", "classes.tsv");
        ClassTable t = ClassTable.read(f);
        List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(lines.size() - 1, t.size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.splitColumns().contains(ClassTable.DEFAULT_SPLIT));
        int col = List.of(lines.get(0).split("\t")).indexOf(ClassTable.DEFAULT_SPLIT);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            SplitRole expected = cells[col].equals("seen") ? SplitRole.SEEN : SplitRole.UNSEEN;
            assertEquals(expected, t.role(cells[0].toUpperCase(), ClassTable.DEFAULT_SPLIT).orElseThrow());
        }
        assertEquals(List.of("dog"), t.lookup("Dog").orElseThrow().gloveTokens());
    }

    @Test
    void lookupAndMalformedRows() throws IOException {
        Path f = tmp.resolve("classes.tsv");
        Files.writeString(f, String.join("\n",
                "class\tsplit_a\tglove_tokens",
                "car_(sedan)\tseen\tcar sedan",                // 2
                "hot-air_balloon\tunseen\thot air balloon",    // 3
                "alarm_clock\tseen\t",                         // 4: tokens from the name
                "broken row\tseen",                            // 5: 2 columns
                "Car_(Sedan)\tseen\tcar",                      // 6: duplicate of line 2
                "tree\tmaybe\ttree",                           // 7: bad split value
                "\tseen\tx",                                   // 8: empty name
                ""));
        ClassTable t = ClassTable.read(f);
        assertEquals(List.of("car_(sedan)", "hot-air_balloon", "alarm_clock"), t.names());
        assertEquals(List.of(5, 6, 7, 8), t.problems().stream().map(Problem::line).toList());
        assertTrue(t.problems().get(1).cause().contains("duplicate"));
        assertTrue(t.problems().get(2).cause().contains("maybe"));
        assertEquals("car_(sedan)", t.lookup("car").orElseThrow().name(), "parenthetical dropped");
        assertEquals("car_(sedan)", t.lookup("car sedan").orElseThrow().name());
        assertEquals("hot-air_balloon", t.lookup("hot air balloon").orElseThrow().name());
        assertTrue(t.lookup("balloon").isEmpty());
        assertEquals(List.of("alarm", "clock"), t.lookup("alarm clock").orElseThrow().gloveTokens());
        assertEquals(SplitRole.UNSEEN, t.role("Hot Air Balloon", "split_a").orElseThrow());
    }

    @Test
    void unreadableTablesAreClearErrors() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.tsv"), "");
        IOException e = assertThrows(IOException.class, () -> ClassTable.read(empty));
        assertTrue(e.getMessage().contains("empty.tsv"), e.getMessage());
        Path noClass = Files.writeString(tmp.resolve("noclass.tsv"), "name\tsplit_x\ncat\tseen\n");
        IOException e2 = assertThrows(IOException.class, () -> ClassTable.read(noClass));
        assertTrue(e2.getMessage().contains("\"class\""), e2.getMessage());
        assertThrows(IOException.class, () -> ClassTable.read(tmp.resolve("absent.tsv")));
    }
}
