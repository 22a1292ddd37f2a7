/** A team vault of 1,000 entries opens and saves in well under a second: no KDF, one age unwrap. */
import { join } from "node:path";
import { expect, it } from "vitest";
import { TeamVault, type TeamVaultSeen } from "../../../core/team-vault";
import { keyEntry, makeTeam, tempDir } from "./helpers";

const ms = async (action: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};

it("1,000 entries: open, save, and remove a member (re-seal all) each take well under a second", async () => {
  const dir = await tempDir("perf");
  const { alice, bob, carol } = await makeTeam();
  const path = join(dir, "big.kwteam");
  const a = await TeamVault.create(path, alice, { name: "Big" });
  await a.addMember(bob);
  await a.addMember(carol);
  await a.addMany(Array.from({ length: 1000 }, (_, i) => keyEntry(`k${i}`, `Integration ${i}`)));
  a.close();

  let seen: TeamVaultSeen | null = null;
  let b!: TeamVault;
  const firstOpen = await ms(async () => (b = await TeamVault.open(path, bob, { onSeen: (s) => void (seen = s) })));
  b.close();
  const nextOpen = await ms(async () => (b = await TeamVault.open(path, bob, { seen })));
  expect(b.list()).toHaveLength(1000);
  const save = await ms(() => b.add(keyEntry("k_one_more", "One more")));
  const readAll = await ms(async () => b.entries());
  const removal = await ms(() => b.removeMember(carol.id));
  console.log(`1,000 entries: first open ${firstOpen.toFixed(0)} ms, next open ${nextOpen.toFixed(0)} ms, save ${save.toFixed(0)} ms, read all ${readAll.toFixed(0)} ms, remove member ${removal.toFixed(0)} ms`);
  for (const time of [firstOpen, nextOpen, save, removal]) expect(time).toBeLessThan(1000);
  expect(nextOpen).toBeLessThan(500);
  expect(save).toBeLessThan(500);
  b.close();
});
