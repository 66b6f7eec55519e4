// The benchmark's throughput case: N concurrent clients on loopback (autocannon) against one
// route for a fixed time, each request picking the next URL of a list. Reports requests per
// second, p50/p95 (computed from every response's time, which autocannon does not report) and
// non-2xx answers.
import autocannon from "autocannon";

export type ThroughputOutcome = {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  non2xx: number;
  errors: number;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function throughput(
  name: string,
  origin: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<ThroughputOutcome> {
  const times: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const sorted = times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name,
    connections,
    seconds,
    requests: result.requests.total,
    perSecond: round(result.requests.total / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
