package uringdio.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uringdio.libc.NativeCallException;
import uringdio.platform.Availability.Answer;
import uringdio.testing.Require;

/** With kernel.io_uring_disabled=2 (6.6+), ring setup says so in one line, with the fix. */
class IoUringDisabledTest {

    private static final Path SYSCTL = Path.of("/proc/sys/kernel/io_uring_disabled");

    @Test
    void aDisabledIoUringIsNamedWithItsSysctlAndTheFix() throws Exception {
        Require.ioUring();
        Require.root();
        Require.that(Files.exists(SYSCTL) ? new Answer(true, "") : new Answer(false, "no " + SYSCTL + " before Linux 6.6"),
                "kernel.io_uring_disabled");
        String before = Files.readString(SYSCTL).trim();
        try {
            Files.writeString(SYSCTL, "2");
            NativeCallException e = assertThrows(NativeCallException.class, () -> IoUring.builder().entries(2).buildUnchecked());
            assertEquals("io_uring_queue_init: EPERM (io_uring is disabled: kernel.io_uring_disabled=2; "
                    + "run `sysctl -w kernel.io_uring_disabled=0` as root)", e.getMessage());
        } finally {
            Files.writeString(SYSCTL, before);
        }
    }
}
