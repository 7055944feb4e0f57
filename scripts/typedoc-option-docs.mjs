/**
 * A TypeDoc plugin (loaded by typedoc.json) that holds the public options to
 * the rule of the API reference: every option has a description, and every
 * optional one states its default. TypeDoc's own `notDocumented` check cannot
 * say "default", and asking it for every property would also demand a line per
 * field of LoginRadius's Profile.
 *
 * Options are the properties of every exported interface whose name ends in
 * `Options` or `Limits`, and of every interface those properties refer to
 * (`limits: SendLimits`, `accounts: EmulatorAccountInput[]`), inline object
 * types included. A default is stated by the word "Default" or a
 * `@defaultValue` tag; members of an inline object whose property states one
 * share it. Findings are TypeDoc warnings at the option's file and line, so
 * `treatWarningsAsErrors` turns them into a failed `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import { Application, MinimalSourceFile, ReflectionKind } from 'typedoc';

const OPTION_CONTAINER = /(Options|Limits)$/;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const interfaces = project
      .getReflectionsByKind(ReflectionKind.Interface)
      .filter((reflection) => OPTION_CONTAINER.test(reflection.name));
    const seen = new Set();
    const queue = [...interfaces];
    while (queue.length > 0) {
      const container = queue.shift();
      if (seen.has(container.id)) continue;
      seen.add(container.id);
      for (const property of container.children ?? []) {
        if (!property.kindOf(ReflectionKind.Property) || property.flags.isInherited) continue;
        checkOption(app, project, property, false);
        for (const target of referencedInterfaces(project, property.type)) queue.push(target);
      }
    }
  });
}

function checkOption(app, project, property, defaultFromParent) {
  const comment = property.comment;
  const text = comment
    ? [...comment.summary, ...comment.blockTags.flatMap((tag) => tag.content)]
        .map((part) => part.text)
        .join('')
    : '';
  const hasDefault =
    /\bdefault\b/i.test(text) ||
    Boolean(
      comment?.blockTags.some((tag) => tag.tag === '@defaultValue' || tag.tag === '@default'),
    );
  const problems = [];
  if (!comment || comment.summary.every((part) => part.text.trim() === '')) {
    problems.push('has no description');
  }
  if (property.flags.isOptional && !hasDefault && !defaultFromParent) {
    problems.push('does not state its default ("Default: …")');
  }
  if (problems.length > 0) {
    warnAt(app, project, property, `option ${property.getFullName()} ${problems.join(' and ')}`);
  }
  // An inline object type (`channels?: { email?: boolean }`): its members are options too.
  const inline = property.type?.type === 'reflection' ? property.type.declaration : undefined;
  for (const member of inline?.children ?? []) {
    if (member.kindOf(ReflectionKind.Property)) {
      checkOption(app, project, member, defaultFromParent || hasDefault);
    }
  }
}

/** Interfaces of this project that a property's type names, through arrays, unions and `readonly`. */
function referencedInterfaces(project, type) {
  if (!type) return [];
  switch (type.type) {
    case 'reference': {
      const target =
        typeof type.target === 'number' ? project.getReflectionById(type.target) : undefined;
      return target?.kindOf(ReflectionKind.Interface) ? [target] : [];
    }
    case 'array':
    case 'typeOperator':
      return referencedInterfaces(project, type.elementType ?? type.target);
    case 'union':
    case 'intersection':
      return type.types.flatMap((member) => referencedInterfaces(project, member));
    default:
      return [];
  }
}

/** A warning at the option's declaration, so the message reads `src/…/options.ts:42:3`. */
function warnAt(app, project, reflection, message) {
  const id = project.getSymbolIdFromReflection(reflection);
  if (!id?.fileName || !Number.isFinite(id.pos)) {
    app.logger.warn(message);
    return;
  }
  const source = new MinimalSourceFile(readFileSync(id.fileName, 'utf8'), id.fileName);
  // `pos` is where the declaration's leading comment and whitespace begin.
  const start = id.pos + /^\s*(\/\*[\s\S]*?\*\/\s*)*/.exec(source.text.slice(id.pos))[0].length;
  app.logger.warn(message, start, source);
}
