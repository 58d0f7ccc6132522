/** placeholder */ package dev.beak.cli;
