/**
 * services/abort-reason-stacks.ts: an Error given to abort() must not keep its frames' receivers
 * alive — React's finished renders abort with one, and the receivers chained request to request.
 */
import { setTimeout as tick } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { writeAbortReasonStacksAtOnce } from "@/services/abort-reason-stacks";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * A render's last step, as React's: a method of some object aborts a long-lived signal with a new
 * Error. Answers a weak reference to that object (the frame's receiver).
 */
function finishRender(controller: AbortController): WeakRef<object> {
  const renderStep = {
    pageState: new Array(10_000).fill("a finished page"),
    finish() {
      controller.abort(new Error("This render completed successfully."));
    },
  };
  renderStep.finish();
  return new WeakRef(renderStep);
}

async function stillReachable(ref: WeakRef<object>): Promise<boolean> {
  // A WeakRef keeps its target until the current job ends: collect after a turn of the loop.
  await tick(1);
  collectGarbage();
  await tick(1);
  return ref.deref() !== undefined;
}

describe("an abort reason's stack", () => {
  it("by default keeps the aborting frame's receiver alive as long as the signal (why the fix exists)", async () => {
    const controller = new AbortController();
    const receiver = finishRender(controller);
    expect(await stillReachable(receiver)).toBe(true);
    expect(controller.signal.aborted).toBe(true);
  });

  it("once installed, is written at the abort: the receiver goes, the reason and its stack text stay", async () => {
    writeAbortReasonStacksAtOnce();
    writeAbortReasonStacksAtOnce(); // a second install wraps nothing twice
    const controller = new AbortController();
    const heard: unknown[] = [];
    controller.signal.addEventListener("abort", () => heard.push(controller.signal.reason));

    const receiver = finishRender(controller);
    expect(await stillReachable(receiver)).toBe(false);
    const reason = controller.signal.reason as Error;
    expect(heard).toEqual([reason]);
    expect(reason.message).toBe("This render completed successfully.");
    expect(reason.stack).toContain("finishRender");
    // A reason that is not an Error passes through as it is.
    const other = new AbortController();
    other.abort("timeout");
    expect(other.signal.reason).toBe("timeout");
  });
});
