/** The desktop app's team vaults: the user's identity, the open team vault, sync and membership. */
import type { CoreServices } from "../core-services";

export class TeamService {
  constructor(private readonly core: CoreServices) {}

  async dispose(): Promise<void> {}
}
