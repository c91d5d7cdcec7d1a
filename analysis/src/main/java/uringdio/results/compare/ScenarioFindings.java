package uringdio.results.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uringdio.results.Columns;

/**
 * A scenario's reads that came back wrong, from its correctness columns. Any of them above zero
 * is a finding: the kernel returned a short read, wrong bytes or an error where none belongs,
 * and no speed makes up for that. A buffer not as its pattern asked ({@code pattern_mismatches})
 * is one too: the read measured was not the read named. {@code findings} also counts -EAGAIN reaching user space for
 * a read that did not ask for it; the plain {@code eagain} count is not a finding, since
 * RWF_NOWAIT reads are meant to see it.
 */
public record ScenarioFindings(String scenario, Map<String, Long> countsByColumn) {

    /** The columns that count wrong reads, in the order they are reported. */
    public static final List<String> COLUMNS = List.of(
            Columns.SHORT_READS, Columns.DATA_MISMATCHES, Columns.ERRORS, Columns.FINDINGS, Columns.PATTERN_MISMATCHES);

    /** The scenario's findings in {@code run}; empty when every correctness column is zero or blank. */
    public static Optional<ScenarioFindings> of(RunResults run, String scenario) {
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean any = false;
        for (String column : COLUMNS) {
            long n = run.count(scenario, column);
            counts.put(column, n);
            any |= n > 0;
        }
        return any ? Optional.of(new ScenarioFindings(scenario, Collections.unmodifiableMap(counts))) : Optional.empty();
    }

    /** "short_reads 2, data_mismatches 0, errors 0, findings 2". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (String column : COLUMNS) {
            b.append(b.length() == 0 ? "" : ", ").append(column).append(' ').append(countsByColumn.get(column));
        }
        return b.toString();
    }
}
