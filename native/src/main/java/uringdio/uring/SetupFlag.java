package uringdio.uring;

import java.util.EnumSet;
import java.util.Set;

/** io_uring_setup(2) flags the suite can ask for. */
public enum SetupFlag {
    /** Completions are polled, not interrupt driven; needs O_DIRECT and a device that polls. */
    IOPOLL(1),
    /** A kernel thread polls the SQ, so submission needs no syscall. */
    SQPOLL(1 << 1),
    /** Task work runs at the next kernel entry instead of interrupting the task (5.19+). */
    COOP_TASKRUN(1 << 8),
    /** Only one task submits (6.0+). */
    SINGLE_ISSUER(1 << 12),
    /** Completion work is deferred to the next io_uring_enter with GETEVENTS (6.1+); needs SINGLE_ISSUER. */
    DEFER_TASKRUN(1 << 13);

    final int bit;

    SetupFlag(int bit) {
        this.bit = bit;
    }

    static int bits(Set<SetupFlag> flags) {
        int b = 0;
        for (SetupFlag f : flags) {
            b |= f.bit;
        }
        return b;
    }

    static EnumSet<SetupFlag> fromBits(int bits) {
        EnumSet<SetupFlag> s = EnumSet.noneOf(SetupFlag.class);
        for (SetupFlag f : values()) {
            if ((bits & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }
}
