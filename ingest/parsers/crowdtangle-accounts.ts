import type {AccountRow, AuthorRow, Rows} from "../canonical.ts";

/**
 * Keeps, for each account met in a CrowdTangle file, the account and author rows of its most recent
 * post, so `followers` is the latest count whatever order the export sorted its rows in.
 */
export function latestAccounts() {
  const accounts = new Map<string, {at: string; account: AccountRow; author?: AuthorRow}>();
  return {
    /** Takes the accounts and authors out of a mapped record, keeping the most recent of each. */
    keep(rows: Rows): Rows {
      const at = rows.items?.[0]?.created_at ?? "";
      for (const account of rows.accounts ?? []) {
        const key = `${account.platform}:${account.account_id}`;
        const seen = accounts.get(key);
        if (seen && seen.at > at) continue;
        const author = rows.authors?.find((row) => row.author_id === account.account_id);
        accounts.set(key, {at, account: {...account, followers: account.followers ?? seen?.account.followers ?? null}, author});
      }
      return {...rows, accounts: [], authors: []};
    },
    rows(): Rows {
      const kept = [...accounts.values()];
      return {
        accounts: kept.map((entry) => entry.account),
        authors: kept.flatMap((entry) => (entry.author ? [entry.author] : []))
      };
    }
  };
}
