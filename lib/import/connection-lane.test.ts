import { describe, expect, it } from "vitest";
import { connectionLane, LaneClosedError } from "./connection-lane";

/** A job that logs when it starts and ends when `release` is called. */
function gate(log: string[], name: string) {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    release = () => resolve(name);
    fail = reject;
  });
  return {
    job: () => {
      log.push(`start ${name}`);
      return done;
    },
    release,
    fail,
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("connectionLane", () => {
  it("runs one job at a time, in the order given", async () => {
    const lane = connectionLane();
    const log: string[] = [];
    const jobs = [gate(log, "write 1"), gate(log, "write 2"), gate(log, "write 3")];
    const results = jobs.map((j) => lane.run(j.job));
    await turn();
    expect(log).toEqual(["start write 1"]);
    jobs[0]!.release();
    await turn();
    expect(log).toEqual(["start write 1", "start write 2"]);
    // Released early, the third job still waits for the second.
    jobs[2]!.release();
    await turn();
    expect(log).toEqual(["start write 1", "start write 2"]);
    jobs[1]!.release();
    expect(await Promise.all(results)).toEqual(["write 1", "write 2", "write 3"]);
    expect(log).toEqual(["start write 1", "start write 2", "start write 3"]);
    await expect(lane.idle()).resolves.toBeUndefined();
  });

  it("starts the next job before the finished job's awaiters run", async () => {
    const lane = connectionLane();
    const log: string[] = [];
    const first = gate(log, "lookup");
    const second = gate(log, "write");
    const looked = lane.run(first.job).then(() => log.push("lookup's awaiter"));
    lane.run(second.job).catch(() => {});
    first.release();
    await looked;
    expect(log).toEqual(["start lookup", "start write", "lookup's awaiter"]);
    second.release();
    await lane.idle();
  });

  it("after a failure runs nothing more, and every waiter hears of it", async () => {
    const lane = connectionLane();
    const log: string[] = [];
    const failing = gate(log, "write 1");
    const queued = gate(log, "write 2");
    const first = lane.run(failing.job);
    const second = lane.run(queued.job);
    const idle = lane.idle();
    failing.fail(new Error("duplicate key"));
    await expect(first).rejects.toThrow("duplicate key");
    await expect(second).rejects.toThrow("duplicate key");
    await expect(idle).rejects.toThrow("duplicate key");
    await expect(lane.run(async () => "late")).rejects.toThrow("duplicate key");
    expect(log).toEqual(["start write 1"]);
  });

  it("closes once the running job ends, refusing what was queued", async () => {
    const lane = connectionLane();
    const log: string[] = [];
    const running = gate(log, "write 1");
    const first = lane.run(running.job);
    const second = lane.run(gate(log, "write 2").job);
    let closed = false;
    const closing = lane.close().then(() => (closed = true));
    await turn();
    expect(closed).toBe(false);
    running.release();
    await closing;
    await expect(first).resolves.toBe("write 1");
    await expect(second).rejects.toBeInstanceOf(LaneClosedError);
    await expect(lane.run(async () => "late")).rejects.toBeInstanceOf(LaneClosedError);
    expect(log).toEqual(["start write 1"]);
  });
});
