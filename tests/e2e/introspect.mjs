// Fetches the schema the way schema tools do (graphql-js getIntrospectionQuery with the options given), builds a client
// schema from the answer (which checks it thoroughly) and prints a summary line. GraphQL Code Generator, Apollo's
// rover and IDEs run this query with these options.
//
//   node introspect.mjs --url http://127.0.0.1:5000/graphql [--directiveIsRepeatable] [--inputValueDeprecation]
//
// Exit code 0 when the schema was built, 1 on GraphQL errors or an invalid introspection result.
import { parseArgs } from 'node:util';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    directiveIsRepeatable: { type: 'boolean', default: false },
    inputValueDeprecation: { type: 'boolean', default: false },
  },
});
if (!values.url) {
  console.error('usage: node introspect.mjs --url <http url> [--directiveIsRepeatable] [--inputValueDeprecation]');
  process.exit(2);
}

const query = getIntrospectionQuery({
  descriptions: true,
  directiveIsRepeatable: values.directiveIsRepeatable,
  inputValueDeprecation: values.inputValueDeprecation,
});
const response = await fetch(values.url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const result = await response.json();
if (result.errors?.length) {
  console.error(`ERRORS ${JSON.stringify(result.errors.map((e) => e.message))}`);
  process.exit(1);
}

try {
  const schema = buildClientSchema(result.data);
  const directives = schema.getDirectives().map((d) => ({ name: d.name, isRepeatable: d.isRepeatable }));
  console.log(`SCHEMA ${JSON.stringify({ types: Object.keys(schema.getTypeMap()).length, directives })}`);
} catch (error) {
  console.error(`INVALID ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
