// Fetches the schema the way schema tools do (graphql-js getIntrospectionQuery with the options given), builds a client
// schema from the answer (which checks it thoroughly) and prints a summary line. GraphQL Code Generator, Apollo's
// rover and IDEs run this query with these options.
//
//   node introspect.mjs --url http://127.0.0.1:5000/graphql [--specifiedByUrl] [--directiveIsRepeatable]
//                       [--schemaDescription] [--inputValueDeprecation] [--oneOf]
//
// Exit code 0 when the schema was built, 1 on GraphQL errors or an invalid introspection result.
import { parseArgs } from 'node:util';
import { buildClientSchema, getIntrospectionQuery, isInputObjectType, isScalarType } from 'graphql';

const optionNames = ['specifiedByUrl', 'directiveIsRepeatable', 'schemaDescription', 'inputValueDeprecation', 'oneOf'];
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    ...Object.fromEntries(optionNames.map((name) => [name, { type: 'boolean', default: false }])),
  },
});
if (!values.url) {
  console.error(`usage: node introspect.mjs --url <http url> ${optionNames.map((name) => `[--${name}]`).join(' ')}`);
  process.exit(2);
}

const options = Object.fromEntries(optionNames.map((name) => [name, values[name]]));
const query = getIntrospectionQuery({ descriptions: true, ...options });
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

// Every input value the answer holds (field and directive arguments, input fields), as the server sent it: what
// graphql-js keeps of isDeprecated/deprecationReason depends on its version, the raw answer does not.
function inputValuesOf(schema) {
  const values = [];
  for (const type of schema.types) {
    for (const field of type.fields ?? []) {
      values.push(...field.args.map((arg) => ({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, ...arg })));
    }
    values.push(...(type.inputFields ?? []).map((field) => ({ coordinate: `${type.name}.${field.name}`, ...field })));
  }
  for (const directive of schema.directives) {
    values.push(...directive.args.map((arg) => ({ coordinate: `@${directive.name}(${arg.name}:)`, ...arg })));
  }
  return values;
}

try {
  const schema = buildClientSchema(result.data);
  const types = Object.values(schema.getTypeMap());
  const inputValues = inputValuesOf(result.data.__schema);
  const summary = {
    types: types.length,
    directives: schema.getDirectives().map((d) => ({
      name: d.name,
      isRepeatable: d.isRepeatable,
      args: d.args.map((arg) => arg.name),
    })),
    specifiedByURLs: Object.fromEntries(types.filter(isScalarType).map((t) => [t.name, t.specifiedByURL ?? null])),
    oneOfInputTypes: types.filter((t) => isInputObjectType(t) && t.isOneOf).map((t) => t.name),
    inputObjectsWithIsOneOf: result.data.__schema.types.filter((t) => t.kind === 'INPUT_OBJECT' && typeof t.isOneOf === 'boolean').length,
    inputObjects: result.data.__schema.types.filter((t) => t.kind === 'INPUT_OBJECT').length,
    inputValues: inputValues.length,
    inputValuesWithIsDeprecated: inputValues.filter((v) => typeof v.isDeprecated === 'boolean').length,
    deprecatedInputValues: inputValues
      .filter((v) => v.isDeprecated === true)
      .map((v) => ({ coordinate: v.coordinate, deprecationReason: v.deprecationReason })),
    inputValuesWithDeprecationReason: inputValues.filter((v) => v.deprecationReason != null).length,
  };
  console.log(`SCHEMA ${JSON.stringify(summary)}`);
} catch (error) {
  console.error(`INVALID ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
