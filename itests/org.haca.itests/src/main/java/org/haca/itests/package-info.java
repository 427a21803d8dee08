/** In-framework integration tests; not exported, never deployed. */
package org.haca.itests;
