/** Period codes (2024, 2024S1, 2024Q1, 202401, 2024Sep, 2024SepT1), copied from indicators-service. */
package io.dengta.targets.period;
