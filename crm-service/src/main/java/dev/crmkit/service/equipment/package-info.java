/** Installed equipment (a customer's asset): where and when it was installed, its parts, its status. */
package dev.crmkit.service.equipment;
