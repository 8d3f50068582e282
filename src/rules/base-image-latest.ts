import { defineRule } from '~/engine/define-rule';
import { distrolessDebian, isDistroless } from '~/engine/image';

export default defineRule({
  name: 'base-image-latest',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow the `latest` tag in `FROM` images',
    category: 'base-image',
    scope: 'all-stages',
    sources: ['hadolint:DL3007', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
    messages: {
      latest: '`{{image}}:latest` changes whenever a new version is released, so two builds of this Dockerfile can start from different images. Use a tag that names a version, and add a digest (`@sha256:…`) for a fully reproducible build.',
      latestChainguard: '`{{image}}:latest` changes whenever a new version is released, so two builds of this Dockerfile can start from different images. Chainguard\'s free images publish only `latest` and `latest-dev`, no version tags: pin a digest (`{{image}}@sha256:…`) and let Renovate or Dependabot update it.',
      latestDistroless: '`{{image}}:latest` changes whenever a new version is released, so two builds of this Dockerfile can start from different images. Distroless images publish no version tags: pin a digest (`{{image}}@sha256:…`) and let Renovate or Dependabot update it{{debian}}.',
    },
  },
  create(context) {
    return {
      FROM(from, stage) {
        const image = stage.image;
        if (stage.parent || !image || image.tag !== 'latest') return;
        // `name:latest@sha256:…`: the digest pins the image, the tag is only a label.
        if (image.digest) return;
        const written = from.getImageTag();
        const range = written === 'latest' ? from.getImageTagRange() : from.getImageRange();
        if (!range) return;
        const name = image.raw.slice(0, image.raw.lastIndexOf(':'));
        if (isDistroless(name)) {
          context.report({ messageId: 'latestDistroless', data: { image: name, debian: distrolessDebian(name) }, range });
          return;
        }
        // Chainguard's free tier (`cgr.dev/chainguard/…`) has `latest` and `latest-dev` only; version tags are for paying organisations.
        if (image.registry === 'cgr.dev' && image.path.startsWith('chainguard/')) {
          context.report({ messageId: 'latestChainguard', data: { image: name }, range });
          return;
        }
        context.report({ messageId: 'latest', data: { image: name }, range });
      },
    };
  },
});
