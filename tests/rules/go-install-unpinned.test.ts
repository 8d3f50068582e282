import rule from '~/rules/go-install-unpinned';
import { df, ruleTester } from '../support/rule-tester';

const go = (run: string) => `FROM golang:1.23-bookworm\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    go('RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1'),
    { name: 'inside a module cloned and entered in the same RUN', code: go('RUN git clone https://github.com/jimmycuadra/sops /go/src/go.mozilla.org/sops/v3 && cd /go/src/go.mozilla.org/sops/v3/cmd/sops && git checkout age && go install go.mozilla.org/sops/v3/cmd/sops') },
    { name: 'pseudo-version and commit', code: go('RUN go install golang.org/x/tools/gopls@v0.0.0-20240101000000-abcdef123456 && go get example.com/mod@3f2a9c1') },
    { name: 'a tag that is not a version query', code: go('RUN go install example.com/tool@release-2024-06') },
    { name: 'go run with a version and program arguments', code: go('RUN go run github.com/sqlc-dev/sqlc/cmd/sqlc@v1.27.0 generate --file sqlc.yaml') },
    { name: 'go run of a local file passes the rest to the program', code: go('RUN go run main.go github.com/not/a/package') },
    { name: 'local packages and patterns', code: go('RUN go install . && go install ./cmd/... && go build -o /out ./... && go install /src/app && go get -d -v ./...') },
    { name: 'flag values are not packages', code: go('RUN go install -tags netgo -ldflags "-s -w" -trimpath ./cmd/server') },
    { name: 'flags in =form', code: go('RUN go install -tags=netgo -mod=readonly ./cmd/server') },
    { name: 'variables', code: go('RUN go install "github.com/golangci/golangci-lint/cmd/golangci-lint@${GOLANGCI_LINT_VERSION}" $TOOL') },
    { name: '@none removes a dependency', code: go('RUN go get example.com/old@none') },
    { name: 'go install tool (tools listed in go.mod)', code: go('RUN go install tool') },
    {
      name: 'inside a module, go install without a version takes the one go.mod requires',
      code: df`
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        RUN go install github.com/golang/mock/mockgen
      `,
    },
    { name: 'go mod init earlier in the same RUN', code: go('RUN go mod init example.com/tools && go run github.com/a/b/cmd/x') },
    { name: 'other go commands', code: go('RUN go build ./... && go vet ./... && go mod tidy && go env -w GOFLAGS=-mod=mod') },
    { name: 'a versioned go binary', code: go('RUN go1.22.3 install example.com/tool@v1.0.0') },
  ],
  invalid: [
    {
      name: 'a clone without entering it: go install still downloads',
      code: go('RUN git clone https://github.com/x/y /src/y && go install github.com/go-delve/delve/cmd/dlv'),
      errors: [{ messageId: 'noVersion', line: 2, column: 59, endColumn: 92 }],
    },
    {
      name: 'go get in a cloned module still means @upgrade',
      code: go('RUN git clone https://github.com/x/y /src/y && cd /src/y && go get github.com/pkg/errors'),
      errors: [{ messageId: 'noVersion', line: 2, column: 68, endColumn: 89 }],
    },
    {
      code: go('RUN go install github.com/go-delve/delve/cmd/dlv'),
      errors: [{ messageId: 'noVersion', line: 2, column: 16, endColumn: 49, message: /^`github.com\/go-delve\/delve\/cmd\/dlv` has no version, so `go install`/ }],
      onbuild: true,
    },
    {
      name: '@latest floats (as in hadolint)',
      code: go('RUN go install golang.org/x/tools/gopls@latest'),
      errors: [{ messageId: 'floating', column: 16, endColumn: 47, message: /^`golang.org\/x\/tools\/gopls` asks for `@latest`/ }],
    },
    {
      name: 'version queries that move',
      code: go('RUN go install a.example/x@upgrade b.example/y@v1 c.example/z@v1.2 d.example/w@master e.example/v@">=v1.2.0"'),
      errors: [{ column: 16 }, { column: 36 }, { column: 51 }, { column: 68 }, { column: 87 }],
    },
    {
      name: 'go get and go run',
      code: go('RUN go get -u github.com/x/lib && go run github.com/x/gen@latest --out gen.go'),
      errors: [{ messageId: 'noVersion', column: 15, endColumn: 31 }, { messageId: 'floating', column: 42, endColumn: 65 }],
    },
    {
      name: 'go get without a version means @upgrade even inside a module',
      code: df`
        FROM golang:1.23
        COPY go.mod go.sum ./
        RUN go get github.com/x/lib
      `,
      errors: [{ line: 3 }],
    },
    {
      name: 'GOPATH mode ignores go.mod',
      code: df`
        FROM golang:1.23
        COPY go.mod ./
        ENV GO111MODULE=off
        RUN go install github.com/x/tool
      `,
      errors: [{ line: 4 }],
    },
    {
      name: 'go.mod copied in an unrelated stage does not count',
      code: df`
        FROM golang:1.23 AS mod
        COPY go.mod ./
        FROM golang:1.23
        RUN go install github.com/x/tool
      `,
      errors: [{ line: 4 }],
    },
    {
      name: 'continuations, exec form, sh -c, heredoc, env wrapper, cache mount, lower-case run',
      code: go('RUN CGO_ENABLED=0 \\\n    go install \\\n      github.com/x/a@latest\nRUN ["go", "install", "github.com/x/b"]\nRUN sh -c "go install github.com/x/c"\nrun <<EOF\nenv GOBIN=/usr/local/bin go install github.com/x/d@main\nEOF\nRUN --mount=type=cache,target=/root/go/pkg/mod go install github.com/x/e'),
      errors: [{ line: 4, column: 7, endColumn: 28 }, { line: 5, column: 23, endColumn: 39 }, { line: 6, column: 23, endColumn: 37 }, { line: 8, column: 37, endColumn: 56 }, { line: 10, column: 59, endColumn: 73 }],
    },
  ],
});
