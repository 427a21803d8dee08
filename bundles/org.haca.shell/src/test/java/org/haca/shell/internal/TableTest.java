package org.haca.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsColumnsToTheWidestCell() {
        Table t = new Table("kind", "id");
        assertTrue(t.isEmpty());
        t.row("backend", "quant");
        t.row("proof", "tee.nitro.v1");
        assertEquals("kind     id\nbackend  quant\nproof    tee.nitro.v1", t.toString());
        assertThrows(IllegalArgumentException.class, () -> t.row("only-one"));
    }

    @Test
    void formatsUptime() {
        assertEquals("1d 02h 03m 04s", HacaCommands.format(Duration.ofSeconds(86400 + 7200 + 180 + 4)));
    }
}
