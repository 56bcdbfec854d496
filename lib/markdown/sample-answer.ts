/**
 * A long assistant answer of the shape models write (headings, prose with
 * inline marks, nested lists, fences, tables, quotes, task lists), for the
 * tests and the benchmark. Sections repeat, numbered, until `length` is reached.
 */
export function sampleAnswer(length: number): string {
  const sections: string[] = [];
  let total = 0;
  for (let index = 1; total < length; index++) {
    const section = sampleSection(index);
    sections.push(section);
    total += section.length;
  }
  return sections.join("").slice(0, length);
}

function sampleSection(index: number): string {
  return `## Step ${index}: configure the service

To make step ${index} work, set **\`RETRY_LIMIT\`** to a *small* number and read the
[guide](https://example.com/guide/${index}). See also https://example.com/faq for
the ~~old~~ new behaviour; a line with a trailing backslash\\
breaks here.

1. Install the package:
   \`\`\`bash
   npm install example-${index} --save
   \`\`\`
2. Add the configuration:
   - \`timeout\`: how long to wait, in ms
   - \`retries\`: how often to try again
     - nested, with *emphasis*
3. Restart the server.

\`\`\`ts
export async function fetchWithRetry(url: string, retries = ${index}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url);
    if (response.ok || attempt >= retries) return response;
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
  }
}
\`\`\`

| Option | Default | Meaning |
| --- | :---: | ---: |
| \`timeout\` | ${index * 100} | milliseconds before giving up |
| \`retries\` | ${index} | attempts after the first |
| \`verbose\` | false | log each attempt |

> **Note:** retries multiply load on a struggling server.
> Use a backoff, as above.

- [x] read the docs
- [ ] write the tests

\`\`\`python
def retry(times: int = ${index}):
    for attempt in range(times):
        print(f"attempt {attempt}")
\`\`\`

---

`;
}
