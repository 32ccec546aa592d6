// Writes the server's `AppRouter` type as a self-contained declaration: every procedure's
// input, output and error shape spelled out structurally, so the packed client needs neither
// the server's code nor the libraries its types come from (zod, Kysely, Fastify). Only lib
// types (`Date`, `AsyncIterable`, `Record`, …) and `@trpc/server`'s router types are named.
// TypeScript 7 has no compiler API yet, hence TypeScript 6 here.
import ts from '@typescript/typescript6';

/** The compiler options the server's types are read with (those of `tsconfig.base.json`). */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2024,
  lib: ['lib.es2024.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

const PROCEDURE_KINDS = {
  query: 'TRPCQueryProcedure',
  mutation: 'TRPCMutationProcedure',
  subscription: 'TRPCSubscriptionProcedure',
} as const;

type ProcedureKind = keyof typeof PROCEDURE_KINDS;

function docComment(text: string, indent: string): string {
  if (!text) return '';
  const lines = text.split('\n').map((line) => `${indent} * ${line}`.trimEnd());
  return `${indent}/**\n${lines.join('\n')}\n${indent} */\n`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function objectFlags(type: ts.Type): ts.ObjectFlags {
  return type.flags & ts.TypeFlags.Object ? (type as ts.ObjectType).objectFlags : 0;
}

/**
 * Prints types structurally, hoisting each type our own code names (an interface or alias
 * declared outside `node_modules`) into one `type Name = …` so it is written once.
 */
class TypePrinter {
  readonly hoisted = new Map<string, string>();
  private readonly hoistedBy = new Map<string, ts.Symbol>();
  private readonly expanding = new Set<ts.Type>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
  ) {}

  private isLib(symbol: ts.Symbol | undefined): boolean {
    return (symbol?.declarations ?? []).some((declaration) =>
      this.program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
    );
  }

  private isOurs(symbol: ts.Symbol | undefined): boolean {
    const declarations = symbol?.declarations ?? [];
    return (
      declarations.length > 0 &&
      declarations.every((d) => !d.getSourceFile().fileName.includes('/node_modules/'))
    );
  }

  /** The symbol that names `type` in our code, when it has no type arguments of its own. */
  private ownName(type: ts.Type): ts.Symbol | undefined {
    if (type.aliasSymbol) {
      return this.isOurs(type.aliasSymbol) && !type.aliasTypeArguments?.length
        ? type.aliasSymbol
        : undefined;
    }
    const symbol = type.getSymbol();
    const isInterface = (objectFlags(type) & ts.ObjectFlags.Interface) !== 0;
    return isInterface && this.isOurs(symbol) ? symbol : undefined;
  }

  print(type: ts.Type, indent = ''): string {
    const name = this.ownName(type);
    if (name) return this.hoist(name, type);
    return this.structure(type, indent);
  }

  private hoist(symbol: ts.Symbol, type: ts.Type): string {
    const name = symbol.name;
    const known = this.hoistedBy.get(name);
    if (known && known !== symbol) {
      throw new Error(`two types are named ${name}; rename one so the client can name both`);
    }
    if (!known) {
      this.hoistedBy.set(name, symbol);
      const docs = ts.displayPartsToString(symbol.getDocumentationComment(this.checker));
      this.hoisted.set(name, ''); // placeholder: a recursive reference finds the name taken
      this.hoisted.set(name, `${docComment(docs, '')}type ${name} = ${this.structure(type, '')};`);
    }
    return name;
  }

  private structure(type: ts.Type, indent: string): string {
    const { checker } = this;
    const flags = type.flags;
    if (flags & ts.TypeFlags.TypeParameter) {
      throw new Error(`a generic type reaches the client: ${checker.typeToString(type)}`);
    }
    if (flags & ts.TypeFlags.UniqueESSymbol) {
      throw new Error(`a unique symbol reaches the client: ${checker.typeToString(type)}`);
    }
    if (type.isUnion()) return this.union(type.types, indent);
    if (type.isIntersection()) {
      return type.types.map((member) => this.wrapped(member, indent)).join(' & ');
    }
    if (!(flags & ts.TypeFlags.Object)) return checker.typeToString(type);

    if (checker.isArrayType(type) || this.isReadonlyArray(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      const prefix = checker.isArrayType(type) ? '' : 'readonly ';
      return `${prefix}${this.wrapped(element ?? checker.getUnknownType(), indent)}[]`;
    }
    if (checker.isTupleType(type)) {
      const elements = checker.getTypeArguments(type as ts.TypeReference);
      return `[${elements.map((element) => this.print(element, indent)).join(', ')}]`;
    }
    const alias = type.aliasSymbol;
    if (alias && this.isLib(alias)) {
      return this.reference(alias.name, type.aliasTypeArguments ?? [], indent);
    }
    const symbol = type.getSymbol();
    const named = ts.ObjectFlags.ClassOrInterface | ts.ObjectFlags.Reference;
    if (symbol && this.isLib(symbol) && objectFlags(type) & named) {
      const target = (type as ts.TypeReference).target as ts.InterfaceType | undefined;
      const count = target?.typeParameters?.length ?? 0;
      const args = count > 0 ? checker.getTypeArguments(type as ts.TypeReference) : [];
      return this.reference(symbol.name, args.slice(0, count), indent);
    }
    return this.objectLiteral(type, indent);
  }

  private isReadonlyArray(type: ts.Type): boolean {
    return type.getSymbol()?.name === 'ReadonlyArray' && this.isLib(type.getSymbol());
  }

  private reference(name: string, args: readonly ts.Type[], indent: string): string {
    if (args.length === 0) return name;
    return `${name}<${args.map((arg) => this.print(arg, indent)).join(', ')}>`;
  }

  private union(members: readonly ts.Type[], indent: string): string {
    const printed: string[] = [];
    const literals = members.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    for (const member of members) {
      if (member.flags & ts.TypeFlags.BooleanLiteral && literals.length === 2) {
        if (member === literals[0]) printed.push('boolean');
        continue;
      }
      printed.push(this.wrapped(member, indent));
    }
    return printed.join(' | ');
  }

  /** A member of a union, intersection or array, in parentheses when it needs them. */
  private wrapped(type: ts.Type, indent: string): string {
    const text = this.print(type, indent);
    const compound = !this.ownName(type) && (type.isUnion() || type.isIntersection());
    return compound && !(type.flags & ts.TypeFlags.Boolean) ? `(${text})` : text;
  }

  private objectLiteral(type: ts.Type, indent: string): string {
    const { checker } = this;
    if (type.getCallSignatures().length || type.getConstructSignatures().length) {
      throw new Error(`a function type reaches the client: ${checker.typeToString(type)}`);
    }
    if (this.expanding.has(type)) {
      throw new Error(`a recursive type reaches the client unnamed: ${checker.typeToString(type)}`);
    }
    this.expanding.add(type);
    const inner = `${indent}  `;
    const members: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      const readonly = info.isReadonly ? 'readonly ' : '';
      const key = this.print(info.keyType, inner);
      members.push(`${inner}${readonly}[key: ${key}]: ${this.print(info.type, inner)};`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      const docs = ts.displayPartsToString(property.getDocumentationComment(checker));
      const name = IDENTIFIER.test(property.name) ? property.name : JSON.stringify(property.name);
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
      const readonly = (property.declarations ?? []).some(
        (d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly,
      )
        ? 'readonly '
        : '';
      const value = this.print(checker.getTypeOfSymbol(property), inner);
      members.push(`${docComment(docs, inner)}${inner}${readonly}${name}${optional}: ${value};`);
    }
    this.expanding.delete(type);
    return members.length ? `{\n${members.join('\n')}\n${indent}}` : '{}';
  }
}

function propertyType(checker: ts.TypeChecker, type: ts.Type, name: string): ts.Type {
  const property = type.getProperty(name);
  if (!property) throw new Error(`${checker.typeToString(type)} has no ${name}`);
  return checker.getTypeOfSymbol(property);
}

/**
 * The declaration text of `AppRouter` as exported by `entry` (a module that re-exports the
 * server's router type), importing only `@trpc/server`'s router and procedure types.
 *
 * @example writeFileSync('app-router.d.ts', appRouterDeclaration('src/app-router.ts'));
 */
export function appRouterDeclaration(entry: string): string {
  const program = ts.createProgram([entry], COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const exported = moduleSymbol
    ? checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === 'AppRouter')
    : undefined;
  if (!exported) throw new Error(`${entry} exports no AppRouter`);
  const router = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(exported));
  const printer = new TypePrinter(program, checker);

  const def = propertyType(checker, router, '_def');
  const root = propertyType(checker, propertyType(checker, def, '_config'), '$types');
  const errorShape = printer.print(propertyType(checker, root, 'errorShape'));
  const meta = printer.print(propertyType(checker, root, 'meta'));
  printer.hoisted.set('ErrorShape', `type ErrorShape = ${errorShape};`);

  const usedKinds = new Set<ProcedureKind>();
  const record = (type: ts.Type, indent: string): string => {
    const inner = `${indent}  `;
    const entries = type.getProperties().map((property) => {
      const docs = docComment(
        ts.displayPartsToString(property.getDocumentationComment(checker)),
        inner,
      );
      const value = checker.getTypeOfSymbol(property);
      const procedureDef = value.getProperty('_def');
      const procedure = procedureDef && checker.getTypeOfSymbol(procedureDef);
      if (!procedure?.getProperty('procedure')) {
        return `${docs}${inner}${property.name}: ${record(value, inner)};`;
      }
      const kind = checker
        .typeToString(propertyType(checker, procedure, 'type'))
        .replaceAll('"', '') as ProcedureKind;
      usedKinds.add(kind);
      const types = propertyType(checker, procedure, '$types');
      const deeper = `${inner}  `;
      const input = printer.print(propertyType(checker, types, 'input'), deeper);
      const output = printer.print(propertyType(checker, types, 'output'), deeper);
      const ownShape = propertyType(checker, types, 'errorShape');
      const own =
        printer.print(ownShape) === errorShape ? 'ErrorShape' : printer.print(ownShape, deeper);
      return [
        `${docs}${inner}${property.name}: ${PROCEDURE_KINDS[kind]}<{`,
        `${deeper}input: ${input};`,
        `${deeper}output: ${output};`,
        `${deeper}meta: ${meta};`,
        `${deeper}errorShape: ${own};`,
        `${inner}}>;`,
      ].join('\n');
    });
    return `{\n${entries.join('\n')}\n${indent}}`;
  };
  const procedures = record(propertyType(checker, def, 'record'), '');
  const imports = ['TRPCBuiltRouter', ...[...usedKinds].map((kind) => PROCEDURE_KINDS[kind])];
  const routerDocs = ts.displayPartsToString(exported.getDocumentationComment(checker));

  return [
    "// Generated from the server's AppRouter by scripts/app-router-declaration.ts.",
    `import type { ${imports.sort().join(', ')} } from '@trpc/server';`,
    '',
    ...[...printer.hoisted.values()].map((declaration) => `${declaration}\n`),
    `${docComment(routerDocs || 'Every procedure the Botsmith API serves, at `/trpc`.', '')}export type AppRouter = TRPCBuiltRouter<`,
    `  { ctx: object; meta: ${meta}; errorShape: ErrorShape; transformer: true },`,
    `  ${procedures.replaceAll('\n', '\n  ')}`,
    '>;',
    '',
  ].join('\n');
}
