import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from './prometheusText.js';

const histogram = (count: number, infBucket: number) => `# HELP d_seconds a delay
# TYPE d_seconds histogram
d_seconds_bucket{le="1"} 1
d_seconds_bucket{le="+Inf"} ${infBucket}
d_seconds_sum 2.5
d_seconds_count ${count}
`;

describe('the strict Prometheus text reader used by the metrics tests', () => {
  it('reads families, escaped labels and special values', () => {
    const families = parsePrometheusText(`# HELP a_total things
# TYPE a_total counter
a_total{path="x\\"y",code="10008"} 3
# TYPE g gauge
g NaN
g{k="v"} -Inf
`);
    expect(sampleValue(families, 'a_total', { path: 'x"y', code: '10008' })).toBe(3);
    expect(sampleValue(families, 'g', { k: 'v' })).toBe(-Infinity);
    expect(parsePrometheusText(histogram(2, 2)).get('d_seconds')?.samples).toHaveLength(4);
  });

  it('refuses what Prometheus would refuse, and histograms that do not add up', () => {
    expect(() => parsePrometheusText('undeclared 1\n')).toThrow(/without a declared family/);
    expect(() => parsePrometheusText('# TYPE a gauge\na{1x="v"} 1\n')).toThrow(/malformed label/);
    expect(() => parsePrometheusText('# TYPE a gauge\na{k="v} 1\n')).toThrow(/malformed/);
    expect(() => parsePrometheusText('# TYPE a gauge\na one\n')).toThrow(/not a number/);
    expect(() => parsePrometheusText('# TYPE a gauge\na 1')).toThrow(/newline/);
    expect(() => parsePrometheusText('# TYPE a meter\n')).toThrow(/unknown type/);
    expect(() => parsePrometheusText(histogram(3, 2))).toThrow(/differs from _count/);
  });
});
