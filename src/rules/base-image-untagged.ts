import { defineRule } from '~/engine/define-rule';
import { distrolessDebian, isDistroless } from '~/engine/image';

export default defineRule({
  name: 'base-image-untagged',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `FROM` images to name a tag or a digest',
    category: 'base-image',
    scope: 'all-stages',
    sources: ['hadolint:DL3006', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
    messages: {
      untagged: '`{{image}}` has no tag, so Docker pulls `{{image}}:latest`, whatever that is on the day of the build. Name a version (`{{image}}:<version>`), and add a digest (`@sha256:…`) for a fully reproducible build.',
      untaggedChainguard: '`{{image}}` has no tag, so Docker pulls `{{image}}:latest`, whatever that is on the day of the build. Chainguard\'s free images publish only `latest` and `latest-dev`, no version tags: pin a digest (`{{image}}@sha256:…`) and let Renovate or Dependabot update it.',
      untaggedDistroless: '`{{image}}` has no tag, so Docker pulls `{{image}}:latest`, whatever that is on the day of the build. Distroless images publish no version tags: pin a digest (`{{image}}@sha256:…`) and let Renovate or Dependabot update it{{debian}}.',
    },
  },
  create(context) {
    return {
      FROM(from, stage) {
        // `FROM builder` builds on an earlier stage; `scratch` has nothing to tag.
        if (stage.parent || !stage.image || stage.image.isScratch) return;
        const image = stage.image;
        if (image.tag || image.digest) return;
        // `FROM python${SUFFIX}`: an unresolved variable in the name may carry the tag.
        const last = image.raw.slice(image.raw.lastIndexOf('/') + 1);
        if (last.includes('$') || !image.raw) return;
        const range = from.getImageRange();
        if (!range) return;
        // Google's distroless images are tagged `latest`, `nonroot`, `debug` only: there is no version to name.
        if (isDistroless(image.raw)) {
          context.report({ messageId: 'untaggedDistroless', data: { image: image.raw, debian: distrolessDebian(image.raw) }, range });
          return;
        }
        // Chainguard's free tier (`cgr.dev/chainguard/…`) has `latest` and `latest-dev` only; version tags are for paying organisations.
        if (image.registry === 'cgr.dev' && image.path.startsWith('chainguard/')) {
          context.report({ messageId: 'untaggedChainguard', data: { image: image.raw }, range });
          return;
        }
        context.report({ messageId: 'untagged', data: { image: image.raw }, range });
      },
    };
  },
});
