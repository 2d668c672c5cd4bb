/** JSON-P plumbing shared by every package. */
package io.kibly.sandbox.json;
