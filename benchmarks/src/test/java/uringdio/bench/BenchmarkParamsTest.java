package uringdio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;
import uringdio.scenario.Workload;

/**
 * Each workload's benchmark class has one {@code @Param} field per parameter of the workload,
 * with the workload's default: JMH run directly and the run command plan the same scenario.
 */
class BenchmarkParamsTest {

    @ParameterizedTest
    @EnumSource(Workload.class)
    void theParamFieldsAreTheWorkloadsParametersWithItsDefaults(Workload workload) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field f : PlannedScenario.benchmarkClass(workload).getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null) {
                assertEquals(1, p.value().length, f.getName() + " has one default");
                fields.put(f.getName(), p.value()[0]);
            }
        }
        assertEquals(workload.defaults(), fields);
    }
}
