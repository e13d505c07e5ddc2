// Runs the project's ASL on aws-local-stepfunctions. Every Task state is sent to the Java task host, which
// runs the real handlers; events go to stdout as JSON lines for the Java side to render and assert on.
import { StateMachine } from 'aws-local-stepfunctions';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const definition = JSON.parse(config.definition);

function statesOf(states, visit) {
  for (const [name, state] of Object.entries(states)) {
    visit(name, state);
    const nested = state.ItemProcessor ?? state.Iterator;
    if (nested) statesOf(nested.States, visit);
    for (const branch of state.Branches ?? []) statesOf(branch.States, visit);
  }
}

async function invoke(resource, input) {
  const response = await fetch(`${config.taskHost}/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ resource, input }),
  });
  const reply = await response.json();
  if (reply.error) {
    // As Step Functions reports a Lambda error: Error is the errorType, Cause the whole error document; a callback's
    // failure, a timeout and Lambda's own errors (plainCause) carry their cause as it was given, e.g. SendTaskFailure's.
    const error = new Error(reply.error.plainCause ? reply.error.errorMessage : JSON.stringify(reply.error));
    error.name = reply.error.errorType;
    throw error;
  }
  return reply.output;
}

const taskResourceLocalHandlers = {};
const waitTimeOverrides = {};
const retryIntervalOverrides = {};
statesOf(definition.States, (name, state) => {
  if (state.Type === 'Task') taskResourceLocalHandlers[name] = (input) => invoke(state.Resource, input);
  // The interpreter reads TimeoutSecondsPath from the task's Parameters, Step Functions from the state's input; the
  // local task host answers callbacks at once (--approve), so a fixed bound stands in for the path here.
  if (state.TimeoutSecondsPath) {
    delete state.TimeoutSecondsPath;
    state.TimeoutSeconds = 3600;
  }
  if (state.Type === 'Wait' && config.waitMillis !== null) waitTimeOverrides[name] = config.waitMillis;
  if (state.Retry && config.retryMillis !== null) retryIntervalOverrides[name] = config.retryMillis;
});

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

const machine = new StateMachine(definition);
const execution = machine.run(config.input, {
  overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides },
  context: config.context,
});

// Which child execution an event belongs to, as Step Functions would run it: an image's (its item) or an account
// and Region's (its build). The interpreter runs DISTRIBUTED maps inline and keeps only the outermost iteration's
// index on nested events, so the place tells the children of a nested map apart.
function placeOf(input, slim) {
  if (!input || typeof input !== 'object') return;
  const item = input.item;
  if (item && typeof item.image === 'string') {
    slim.image = item.image;
    slim.service = item.service;
    slim.account = item.account;
    slim.region = item.region;
  } else if (input.build && typeof input.build.account === 'string') {
    slim.account = input.build.account;
    slim.region = input.build.region;
  }
}

for await (const event of execution.eventLogs) {
  const slim = { type: event.type, timestamp: event.timestamp };
  if (event.state) {
    slim.state = event.state.name;
    slim.stateType = event.state.type;
    placeOf(event.state.input, slim);
    if (event.type === 'StateExited') slim.output = event.state.output;
  }
  if (event.parentState) {
    slim.map = event.parentState.name;
    if (event.type === 'MapIterationStarted') {
      placeOf(event.input, slim);
      // A child execution's input is bounded (256 KB) like any state's data.
      slim.inputBytes = Buffer.byteLength(JSON.stringify(event.input ?? null));
    }
  }
  if (event.index !== undefined) slim.index = event.index;
  if (event.Error !== undefined) {
    slim.error = event.Error;
    slim.cause = typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause);
  }
  if (event.retry) slim.attempt = event.retry.attempt;
  if (event.type === 'ExecutionSucceeded') slim.output = event.output;
  emit(slim);
}
try {
  await execution.result;
} catch {
  // The ExecutionFailed event above already carries the error and cause.
}
