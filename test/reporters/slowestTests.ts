/**
 * A vitest reporter that lists the ten slowest tests at the end of a run, with their file and
 * project, so that a slow test is seen the day it becomes slow. It prints nothing else; use it
 * beside the default reporter (vitest.config.ts does).
 */
import type { Reporter, TestModule } from 'vitest/node';

const COUNT = 10;

export default class SlowestTests implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        duration: test.diagnostic()?.duration ?? 0,
        where: `${module.project.name} ${module.relativeModuleId}`,
        name: test.fullName,
      })),
    );
    if (tests.length === 0) return;
    const slowest = tests.sort((a, b) => b.duration - a.duration).slice(0, COUNT);
    const lines = slowest.map((t) => `${(t.duration / 1000).toFixed(2).padStart(7)} s  ${t.where} > ${t.name}`);
    process.stdout.write(`\nThe ${slowest.length} slowest tests:\n${lines.join('\n')}\n\n`);
  }
}
