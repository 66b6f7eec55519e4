// `npm run user:create -- --email ada@example.org --role admin [--name "Ada"] [--password …]`
// Creates an account. Without --password it asks for one (hidden) on the terminal; there is no
// default password. Uses DATABASE_URL, else the running app's embedded database, else starts it.
import { parseArgs } from "node:util";
import readline from "node:readline";
import { createPrismaClient } from "@/lib/db";
import { withCliDatabase } from "@/lib/db/cli-database";
import { migrateDeploy } from "@/lib/db/migrate";
import { toAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/user-commands";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "viewer" },
    name: { type: "string" },
    password: { type: "string" },
  },
});

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error("No terminal to ask for a password: pass --password, or run this in a terminal."));
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) output.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    asked = true;
  });
}

if (!values.email) {
  console.error('Usage: npm run user:create -- --email <email> --role viewer|editor|admin [--name "Name"] [--password <password>]');
  process.exit(2);
}

try {
  const password = values.password ?? (await promptHidden(`Password for ${values.email}: `));
  await withCliDatabase(async (url, { runningApp }) => {
    if (!runningApp) await migrateDeploy(url, { quiet: true });
    const db = createPrismaClient(url);
    try {
      const user = await createUser(db, { email: values.email!, role: values.role as "viewer", name: values.name, password }, null);
      console.log(`Created ${user.role} ${user.email}.`);
    } finally {
      await db.$disconnect();
    }
  });
} catch (error) {
  const expected = toAppError(error);
  console.error(expected ? expected.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
